using System.Text;
using FederatedGateway.Core.Operations;
using FederatedGateway.Core.Planning.Nodes;
using FederatedGateway.Core.Schema;

namespace FederatedGateway.Core.Planning.Internal;

/// <summary>Turns planned fetch groups into plan nodes: fetch documents, then a Sequence of Parallel levels.</summary>
internal sealed class PlanBuilder
{
    private readonly FederatedSchema _schema;
    private readonly OperationKind _kind;
    private readonly string? _operationName;
    private readonly IReadOnlyList<VariableDefinition> _variables;

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

        var nodes = new Dictionary<FetchGroup, PlanNode>();
        foreach (var group in groups)
        {
            nodes[group] = ToNode(group);
        }

        if (_kind == OperationKind.Mutation)
        {
            var steps = new List<PlanNode>();
            foreach (var root in roots)
            {
                var owned = groups.Where(g => RootOf(g) == root).ToList();
                steps.AddRange(Levels(owned, nodes));
            }

            return Wrap(steps, s => new SequenceNode(s));
        }

        return Wrap(Levels(groups, nodes), s => new SequenceNode(s));
    }

    private static FetchGroup RootOf(FetchGroup group)
    {
        while (group.Parent is not null)
        {
            group = group.Parent;
        }

        return group;
    }

    private static List<PlanNode> Levels(List<FetchGroup> groups, Dictionary<FetchGroup, PlanNode> nodes)
    {
        var depth = new Dictionary<FetchGroup, int>();
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
                if (groups.Contains(dependency))
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
            var members = level.OrderBy(g => g.Id).Select(g => nodes[g]).ToList();
            levels.Add(Wrap(members, m => new ParallelNode(m)));
        }

        return levels;
    }

    private static PlanNode Wrap(List<PlanNode> nodes, Func<List<PlanNode>, PlanNode> many) =>
        nodes.Count == 1 ? nodes[0] : many(nodes);

    private PlanNode ToNode(FetchGroup group)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        group.Selection.CollectVariables(used);
        var usages = _variables.Where(v => used.Contains(v.Name)).ToList();

        var document = new StringBuilder();
        var kind = group.IsEntity ? "query" : _kind switch
        {
            OperationKind.Mutation => "mutation",
            OperationKind.Subscription => "subscription",
            _ => "query",
        };
        document.Append(kind);
        if (_operationName is not null)
        {
            document.Append(' ').Append(_operationName).Append("__").Append(SafeName(group.Subgraph)).Append("__").Append(group.Id);
        }

        var declarations = new List<string>();
        if (group.IsEntity)
        {
            declarations.Add("$representations: [_Any!]!");
        }

        foreach (var v in usages)
        {
            declarations.Add("$" + v.Name + ": " + v.Type + (v.DefaultValue is null ? string.Empty : " = " + v.DefaultValue));
        }

        if (declarations.Count > 0)
        {
            document.Append('(').Append(string.Join(", ", declarations)).Append(')');
        }

        var pretty = new StringBuilder();
        if (group.IsEntity)
        {
            document.Append("{_entities(representations: $representations)");
            group.Selection.PrintCompact(document);
            document.Append('}');
        }
        else
        {
            group.Selection.PrintCompact(document);
        }

        group.Selection.PrintPretty(pretty, 0);
        var requirements = new List<EntityRequirement>();
        string? printedRequirements = null;
        if (group.IsEntity)
        {
            var shown = new FetchSelectionSet("_Entity");
            foreach (var typeName in group.RequirementOrder)
            {
                var (representation, fields) = group.Requirements[typeName];
                requirements.Add(new EntityRequirement(typeName, representation, fields.ToSelectionSet()));
                var fragment = shown.AddFragment(typeName, Array.Empty<InclusionCondition>()).SelectionSet;
                fragment.AddTypename();
                CopyInto(fragment, fields);
            }

            var sb = new StringBuilder();
            shown.PrintPretty(sb, 0);
            printedRequirements = sb.ToString();
        }

        var fetch = new FetchNode(group.Subgraph, document.ToString(), kind, usages.Select(v => v.Name).ToList(), requirements, pretty.ToString(), printedRequirements);
        PlanNode node = group.IsEntity ? new FlattenNode(group.MergePath, fetch) : fetch;
        if (group.IsEntity && SharedCondition(group.Selection) is { } condition)
        {
            // Everything this fetch selects is conditional on one variable: skip the request itself.
            node = condition.Skip ? new ConditionNode(condition.Variable, null, node) : new ConditionNode(condition.Variable, node, null);
        }

        return node;
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
