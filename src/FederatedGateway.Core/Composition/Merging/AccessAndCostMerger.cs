using FederatedGateway.Core.Composition.Subgraphs;

namespace FederatedGateway.Core.Composition.Merging;

/// <summary>
/// Merges the authorization and cost directives one element has in several subgraphs, as Apollo's composer does: a
/// directive applied the same way everywhere it appears is kept as written; applied differently, its arguments are
/// merged: <c>@authenticated</c> if any subgraph has it, scopes and policies by conjunction (every subgraph's
/// requirement must hold, in disjunctive normal form without redundant alternatives), <c>@cost</c> by the highest
/// weight, <c>@listSize</c> by the highest assumed size, the union of slicing arguments and sized fields, and
/// <c>requireOneSlicingArgument</c> only when every subgraph requires it.
/// </summary>
internal static class AccessAndCostMerger
{
    /// <param name="sources">The element's directives in each subgraph, in subgraph order.</param>
    /// <param name="authorizationOnly">Sources that contribute only their authorization directives (implementations of an interface).</param>
    /// <param name="onMerged">Called with the directive's federation name when differing applications were merged.</param>
    public static AccessAndCostDirectives Merge(IEnumerable<AccessAndCostDirectives> sources, IEnumerable<AccessAndCostDirectives> authorizationOnly, Action<string> onMerged)
    {
        var all = sources.ToList();
        var access = all.Concat(authorizationOnly).ToList();
        return new AccessAndCostDirectives
        {
            Authenticated = access.Exists(s => s.Authenticated),
            Scopes = MergeAlternatives(access.Select(s => s.Scopes), () => onMerged("requiresScopes")),
            Policies = MergeAlternatives(access.Select(s => s.Policies), () => onMerged("policy")),
            CostWeight = MergeWeight(all.Select(s => s.CostWeight), () => onMerged("cost")),
            ListSize = MergeListSize(all.Select(s => s.ListSize), () => onMerged("listSize")),
        };
    }

    private static IReadOnlyList<IReadOnlyList<string>>? MergeAlternatives(IEnumerable<IReadOnlyList<IReadOnlyList<string>>?> values, Action onMerged)
    {
        var distinct = Distinct(values, AlternativesText);
        if (distinct.Count <= 1)
        {
            return distinct.FirstOrDefault();
        }

        onMerged();
        return Dnf.Conjunction(distinct);
    }

    private static int? MergeWeight(IEnumerable<int?> values, Action onMerged)
    {
        var distinct = values.Where(v => v is not null).Distinct().ToList();
        if (distinct.Count > 1)
        {
            onMerged();
        }

        return distinct.Count == 0 ? null : distinct.Max();
    }

    private static ListSizeArguments? MergeListSize(IEnumerable<ListSizeArguments?> values, Action onMerged)
    {
        var distinct = Distinct(values, v => v.ArgumentsText());
        if (distinct.Count <= 1)
        {
            return distinct.FirstOrDefault();
        }

        onMerged();
        var sizes = distinct.Where(d => d.AssumedSize is not null).Select(d => d.AssumedSize!.Value).ToList();
        return new ListSizeArguments(
            sizes.Count == 0 ? null : sizes.Max(),
            Union(distinct.Select(d => d.SlicingArguments)),
            Union(distinct.Select(d => d.SizedFields)),
            distinct.All(d => d.RequireOneSlicingArgument ?? true));
    }

    private static IReadOnlyList<string>? Union(IEnumerable<IReadOnlyList<string>?> lists)
    {
        List<string>? union = null;
        foreach (var list in lists)
        {
            if (list is null)
            {
                continue;
            }

            union ??= new List<string>();
            foreach (var item in list)
            {
                if (!union.Contains(item))
                {
                    union.Add(item);
                }
            }
        }

        return union;
    }

    private static List<T> Distinct<T>(IEnumerable<T?> values, Func<T, string> text)
        where T : class
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var distinct = new List<T>();
        foreach (var value in values)
        {
            if (value is not null && seen.Add(text(value)))
            {
                distinct.Add(value);
            }
        }

        return distinct;
    }

    /// <summary><c>[["a", "b"], ["c"]]</c>: the GraphQL text of a list of alternatives.</summary>
    public static string AlternativesText(IReadOnlyList<IReadOnlyList<string>> alternatives) =>
        "[" + string.Join(", ", alternatives.Select(ListSizeArguments.StringList)) + "]";
}
