namespace FederatedGateway.Core.Composition.Merging;

/// <summary>
/// Requirements in disjunctive normal form (<c>[[a, b], [c]]</c>: a and b, or c) as <c>@requiresScopes</c> and
/// <c>@policy</c> write them. The conjunction of several is again in that form, with each alternative sorted, no
/// alternative twice and none that contains another (it would be redundant); Apollo's composer orders the result the
/// same way, which keeps supergraphs comparable.
/// </summary>
internal static class Dnf
{
    public static IReadOnlyList<IReadOnlyList<string>> Conjunction(IReadOnlyList<IReadOnlyList<IReadOnlyList<string>>> requirements)
    {
        if (requirements.Count == 0)
        {
            return [];
        }

        var normalized = new List<List<List<string>>>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var requirement in requirements)
        {
            // No alternative at all is "no requirement": one empty alternative, always satisfied.
            var alternatives = requirement.Count == 0
                ? [[]]
                : requirement.Select(a => a.OrderBy(n => n, StringComparer.Ordinal).ToList()).OrderBy(Key, StringComparer.Ordinal).ToList();
            if (seen.Add(string.Join("|", alternatives.Select(Key))))
            {
                normalized.Add(alternatives);
            }
        }

        var result = normalized[0];
        for (var i = 1; i < normalized.Count; i++)
        {
            var combined = new List<List<string>>();
            var keys = new HashSet<string>(StringComparer.Ordinal);
            foreach (var left in result)
            {
                foreach (var right in normalized[i])
                {
                    var candidate = left.Concat(right.Where(n => !left.Contains(n))).OrderBy(n => n, StringComparer.Ordinal).ToList();
                    if (keys.Add(Key(candidate)))
                    {
                        combined.Add(candidate);
                    }
                }
            }

            result = WithoutSupersets(combined);
        }

        return result;
    }

    /// <summary>Drops every alternative that contains a shorter (or earlier equal) one; shortest first, stable.</summary>
    private static List<List<string>> WithoutSupersets(List<List<string>> alternatives)
    {
        var kept = new List<List<string>>();
        foreach (var candidate in alternatives.OrderBy(a => a.Count))
        {
            if (!kept.Exists(k => k.All(candidate.Contains)))
            {
                kept.Add(candidate);
            }
        }

        return kept;
    }

    private static string Key(List<string> alternative) => "[" + string.Join(",", alternative.Select(n => "\"" + n + "\"")) + "]";
}
