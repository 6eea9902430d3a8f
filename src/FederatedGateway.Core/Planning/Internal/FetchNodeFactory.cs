using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using FederatedGateway.Core.Operations;
using FederatedGateway.Core.Planning.Nodes;
using FederatedGateway.Core.Planning.Selections;

namespace FederatedGateway.Core.Planning.Internal;

/// <summary>
/// The planner's node stage: one batch of fetch groups becomes one plan node - a root <see cref="FetchNode"/>, or an
/// entity fetch under a <see cref="FlattenNode"/> (under a <see cref="ConditionNode"/> when all it selects is conditional).
/// </summary>
internal sealed class FetchNodeFactory
{
    private readonly OperationKind _kind;
    private readonly string? _operationName;
    private readonly IReadOnlyList<VariableDefinition> _variables;
    private readonly FrozenSelections _frozen;

    public FetchNodeFactory(OperationKind kind, string? operationName, IReadOnlyList<VariableDefinition> variables, FrozenSelections frozen)
    {
        _kind = kind;
        _operationName = operationName;
        _variables = variables;
        _frozen = frozen;
    }

    /// <param name="id">The fetch's number in the plan.</param>
    /// <param name="dependsOn">The numbers of the fetches it needs.</param>
    public PlanNode Create(List<FetchGroup> batch, int id, IReadOnlyList<int> dependsOn)
    {
        var group = batch[0];
        var selection = group.Selection;
        if (batch.Count > 1)
        {
            selection = new FetchSelectionSet(group.Selection.ParentType);
            foreach (var member in batch)
            {
                CopyInto(selection, member.Selection);
            }
        }

        var frozen = _frozen.Of(selection);
        var used = new HashSet<string>(StringComparer.Ordinal);
        PlanSelectionVariables.Collect(frozen, used);
        var usages = _variables.Where(v => used.Contains(v.Name)).ToArray();
        var kind = group.IsEntity ? OperationKind.Query : _kind;
        var name = _operationName is null ? null : _operationName + "__" + SafeName(group.Subgraph) + "__" + group.Id.ToString(CultureInfo.InvariantCulture);
        var requirements = new List<EntityRequirement>();
        if (group.IsEntity)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (typeName, (representation, fields)) in batch.SelectMany(g => g.RequirementOrder.Select(t => (t, g.Requirements[t]))))
            {
                if (seen.Add(typeName))
                {
                    requirements.Add(new EntityRequirement(typeName, representation, fields.ToSelectionSet(), Representation(typeName, _frozen.Of(fields))));
                }
            }
        }

        var fetch = new FetchNode(group.Subgraph, kind, name, usages, requirements.ToArray(), frozen)
        {
            Id = id,
            DependsOn = dependsOn,
            FilledFields = FilledFields(selection, group.IsEntity),
        };
        PlanNode node = group.IsEntity ? new FlattenNode(FlattenPaths(batch), fetch) : fetch;
        if (group.IsEntity && SharedCondition.Of(selection) is { } condition)
        {
            // Everything this fetch selects is conditional on one variable: skip the request itself.
            node = condition.Skip ? new ConditionNode(condition.Variable, null, node) : new ConditionNode(condition.Variable, node, null);
        }

        return node;
    }

    /// <summary>The representation as the plan shows it: <c>... on Type { __typename …fields }</c>.</summary>
    private static PlanInlineFragment Representation(string typeName, PlanSelectionSet fields)
    {
        var selections = ImmutableArray.CreateBuilder<PlanSelection>(fields.Selections.Length + 1);
        selections.Add(new PlanField("__typename", null, default, default, null));
        foreach (var selection in fields.Selections)
        {
            if (selection is not PlanField { IsTypename: true, Alias: null, Conditions.IsEmpty: true })
            {
                selections.Add(selection);
            }
        }

        return new PlanInlineFragment(typeName, default, new PlanSelectionSet(typeName, selections.DrainToImmutable()));
    }

    /// <summary>
    /// Where a batch's objects are found. Members that need the same entity types share them; otherwise each
    /// member's paths are narrowed to its own types, or the objects of one member's place would also get what
    /// another member selects for its types (a Book under <c>search</c> the <c>pages: reviews</c> asked for
    /// Books under <c>mediaItem</c>).
    /// </summary>
    private static List<IReadOnlyList<PathSegment>> FlattenPaths(List<FetchGroup> batch)
    {
        var types = new HashSet<string>(batch[0].RequirementOrder, StringComparer.Ordinal);
        if (batch.TrueForAll(member => types.SetEquals(member.RequirementOrder)))
        {
            return batch.ConvertAll(member => member.MergePath);
        }

        var paths = new List<IReadOnlyList<PathSegment>>();
        foreach (var member in batch)
        {
            foreach (var type in member.RequirementOrder)
            {
                paths.Add([.. member.MergePath, PathSegment.TypeFilter(type)]);
            }
        }

        return paths;
    }

    /// <summary>The client fields a fetch fills in where its answer merges (see <see cref="FilledField"/>).</summary>
    private static List<FilledField> FilledFields(FetchSelectionSet selection, bool isEntity)
    {
        var fields = new List<FilledField>();
        CollectFilled(selection, null, Array.Empty<InclusionCondition>(), fields, entityRoot: isEntity);
        return fields;
    }

    private static void CollectFilled(FetchSelectionSet set, string? typeCondition, IReadOnlyList<InclusionCondition> conditions, List<FilledField> fields, bool entityRoot)
    {
        foreach (var item in set.Items)
        {
            switch (item)
            {
                case FetchField field when field.FromClient && !entityRoot && field.Name != "__typename":
                    var name = InternalAlias.ClientResponseName(field.Alias ?? field.Name);
                    var all = field.Conditions.Count == 0 ? conditions : conditions.Concat(field.Conditions).ToArray();
                    if (!fields.Exists(f => f.TypeCondition == typeCondition && f.ResponseName == name && f.Conditions.SequenceEqual(all)))
                    {
                        fields.Add(new FilledField(typeCondition, name, all));
                    }

                    break;
                case FetchFragment fragment:
                    var inner = fragment.Conditions.Count == 0 ? conditions : conditions.Concat(fragment.Conditions).ToArray();
                    CollectFilled(fragment.SelectionSet, fragment.TypeCondition ?? typeCondition, inner, fields, entityRoot: false);
                    break;
            }
        }
    }

    private static void CopyInto(FetchSelectionSet target, FetchSelectionSet source)
    {
        foreach (var item in source.Items)
        {
            switch (item)
            {
                case FetchField f:
                    var added = target.AddField(f.Name, f.Alias, f.Arguments, f.Conditions, f.SelectionSet?.ParentType);
                    added.FromClient |= f.FromClient;
                    if (f.SelectionSet is not null)
                    {
                        CopyInto(added.SelectionSet!, f.SelectionSet);
                    }

                    break;
                case FetchFragment fragment:
                    CopyInto(target.AddFragment(fragment.TypeCondition, fragment.Conditions).SelectionSet, fragment.SelectionSet);
                    break;
            }
        }
    }

    private static string SafeName(string subgraph)
    {
        var sb = new StringBuilder(subgraph.Length);
        foreach (var c in subgraph)
        {
            sb.Append(char.IsAsciiLetterOrDigit(c) || c == '_' ? c : '_');
        }

        return sb.ToString();
    }
}
