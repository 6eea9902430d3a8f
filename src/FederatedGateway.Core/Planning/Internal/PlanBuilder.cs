using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using FederatedGateway.Core.Operations;
using FederatedGateway.Core.Planning.Nodes;
using FederatedGateway.Core.Planning.Selections;
using FederatedGateway.Core.Schema;

namespace FederatedGateway.Core.Planning.Internal;

/// <summary>Turns planned fetch groups into plan nodes: fetch documents, then a Sequence of Parallel levels.</summary>
internal sealed class PlanBuilder
{
    private readonly FederatedSchema _schema;
    private readonly OperationKind _kind;
    private readonly string? _operationName;
    private readonly IReadOnlyList<VariableDefinition> _variables;
    private readonly Dictionary<FetchSelectionSet, PlanSelectionSet> _frozen = new(ReferenceEqualityComparer.Instance);

    public PlanBuilder(FederatedSchema schema, OperationKind kind, string? operationName, IReadOnlyList<VariableDefinition> variables)
    {
        _schema = schema;
        _kind = kind;
        _operationName = operationName;
        _variables = variables;
    }

    public PlanNode? Build(List<FetchGroup> groups, List<FetchGroup> roots)
    {
        if (roots.Count == 0)
        {
            return null;
        }

        if (_kind == OperationKind.Mutation)
        {
            var steps = new List<PlanNode>();
            foreach (var root in roots)
            {
                var owned = groups.Where(g => RootOf(g) == root).ToList();
                steps.AddRange(Levels(owned));
            }

            return Wrap(steps, s => new SequenceNode(s));
        }

        var levels = Levels(groups);
        if (_kind == OperationKind.Subscription)
        {
            return Subscription(levels);
        }

        return Wrap(levels, s => new SequenceNode(s));
    }

    /// <summary>The first level subscribes (one fetch to the root field's subgraph); the others run per event.</summary>
    private static SubscriptionNode Subscription(List<PlanNode> levels)
    {
        if (levels[0] is not FetchNode primary)
        {
            throw new PlanningException("The subscription cannot be planned as one subscription to the subgraph that owns its root field.");
        }

        var rest = levels.GetRange(1, levels.Count - 1);
        return new SubscriptionNode(primary, rest.Count == 0 ? null : Wrap(rest, s => new SequenceNode(s)));
    }

    private static FetchGroup RootOf(FetchGroup group)
    {
        while (group.Parent is not null)
        {
            group = group.Parent;
        }

        return group;
    }

    private List<PlanNode> Levels(List<FetchGroup> groups)
    {
        var depth = new Dictionary<FetchGroup, int>();
        var inScope = new HashSet<FetchGroup>(groups);
        int Depth(FetchGroup g, int guard)
        {
            if (depth.TryGetValue(g, out var d))
            {
                return d;
            }

            if (guard > 256)
            {
                throw new PlanningException("The plan has a dependency cycle.");
            }

            var max = -1;
            foreach (var dependency in g.DependsOn)
            {
                if (inScope.Contains(dependency))
                {
                    max = Math.Max(max, Depth(dependency, guard + 1));
                }
            }

            depth[g] = max + 1;
            return max + 1;
        }

        foreach (var g in groups)
        {
            Depth(g, 0);
        }

        var levels = new List<PlanNode>();
        foreach (var level in groups.GroupBy(g => depth[g]).OrderBy(l => l.Key))
        {
            // Entity fetches of one level to the same subgraph with the same representations become one request.
            var members = new List<PlanNode>();
            foreach (var batch in Batches(level.OrderBy(g => g.Id)))
            {
                members.Add(ToNode(batch));
            }

            levels.Add(Wrap(members, m => new ParallelNode(m)));
        }

        return levels;
    }

    private static PlanNode Wrap(List<PlanNode> nodes, Func<List<PlanNode>, PlanNode> many) =>
        nodes.Count == 1 ? nodes[0] : many(nodes);

    /// <summary>
    /// Groups that can share one request: entity fetches to the same subgraph, not conditional, whose
    /// representations agree for every entity type they have in common, and whose selections can merge.
    /// </summary>
    private List<List<FetchGroup>> Batches(IEnumerable<FetchGroup> level)
    {
        var batches = new List<(List<FetchGroup> Members, Dictionary<string, string> Signatures)>();
        foreach (var group in level)
        {
            if (!group.IsEntity || SharedCondition(group.Selection) is not null)
            {
                batches.Add((new List<FetchGroup> { group }, new Dictionary<string, string>()));
                continue;
            }

            var signatures = Signatures(group);
            var joined = false;
            foreach (var (members, known) in batches)
            {
                if (known.Count > 0 && members[0].Subgraph == group.Subgraph && Agrees(known, signatures)
                    && SeparableTypes(known, signatures)
                    && !members.Exists(member => SelectionConflicts.Conflict(member.Selection, group.Selection)))
                {
                    members.Add(group);
                    foreach (var (type, signature) in signatures)
                    {
                        known[type] = signature;
                    }

                    joined = true;
                    break;
                }
            }

            if (!joined)
            {
                batches.Add((new List<FetchGroup> { group }, signatures));
            }
        }

        return batches.ConvertAll(b => b.Members);
    }

    /// <summary>Per entity type: what the representation carries and what is selected (same type, same text to share a request).</summary>
    private Dictionary<string, string> Signatures(FetchGroup group)
    {
        var signatures = new Dictionary<string, string>(StringComparer.Ordinal);
        var sb = new StringBuilder();
        foreach (var type in group.RequirementOrder)
        {
            var (representation, fields) = group.Requirements[type];
            sb.Clear().Append(representation).Append(':');
            PlanSelectionPrinter.PrintCompact(sb, Frozen(fields));
            sb.Append("=>");
            foreach (var selection in Frozen(group.Selection).Selections)
            {
                if (selection is PlanInlineFragment fragment && fragment.TypeCondition == type)
                {
                    PlanSelectionPrinter.PrintCompact(sb, fragment.SelectionSet);
                }
            }

            signatures[type] = sb.ToString();
        }

        return signatures;
    }

    /// <summary>A selection built while planning, frozen once (planning is over when the plan is built).</summary>
    private PlanSelectionSet Frozen(FetchSelectionSet selection)
    {
        if (!_frozen.TryGetValue(selection, out var frozen))
        {
            frozen = selection.ToPlanSelectionSet();
            _frozen[selection] = frozen;
        }

        return frozen;
    }

    /// <summary>
    /// Whether groups can share a request without one's objects getting what the other selects: they need the
    /// same entity types, or types no object can have both of (a Hotel under one path would otherwise also get
    /// what another path selects on Hotel while it asked on the Bookable interface). Their paths are then narrowed
    /// to their own types (<see cref="FlattenPaths"/>).
    /// </summary>
    private bool SeparableTypes(Dictionary<string, string> known, Dictionary<string, string> signatures)
    {
        if (known.Count == signatures.Count && signatures.Keys.All(known.ContainsKey))
        {
            return true;
        }

        foreach (var type in signatures.Keys)
        {
            foreach (var other in known.Keys)
            {
                if (_schema.Overlap(type, other))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static bool Agrees(Dictionary<string, string> known, Dictionary<string, string> signatures)
    {
        foreach (var (type, signature) in signatures)
        {
            if (known.TryGetValue(type, out var other) && other != signature)
            {
                return false;
            }
        }

        return true;
    }

    private PlanNode ToNode(List<FetchGroup> batch)
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

        var frozen = Frozen(selection);
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
                    requirements.Add(new EntityRequirement(typeName, representation, fields.ToSelectionSet(), Representation(typeName, Frozen(fields))));
                }
            }
        }

        var fetch = new FetchNode(group.Subgraph, kind, name, usages, requirements.ToArray(), frozen)
        {
            FilledFields = FilledFields(selection, group.IsEntity),
        };
        PlanNode node = group.IsEntity ? new FlattenNode(FlattenPaths(batch), fetch) : fetch;
        if (group.IsEntity && SharedCondition(selection) is { } condition)
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

    /// <summary>The condition every top-level field (under the entity fragments) carries, if there is one.</summary>
    private static InclusionCondition? SharedCondition(FetchSelectionSet entities)
    {
        InclusionCondition? shared = null;
        foreach (var item in entities.Items)
        {
            if (item is not FetchFragment fragment || fragment.Conditions.Count > 0)
            {
                return null;
            }

            foreach (var inner in fragment.SelectionSet.Items)
            {
                var conditions = inner switch
                {
                    FetchField f => f.Conditions,
                    FetchFragment f => f.Conditions,
                    _ => Array.Empty<InclusionCondition>(),
                };
                if (conditions.Count == 0)
                {
                    return null;
                }

                if (shared is null)
                {
                    shared = conditions[0];
                }

                var found = false;
                foreach (var c in conditions)
                {
                    found |= c == shared;
                }

                if (!found)
                {
                    return null;
                }
            }
        }

        return shared;
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
