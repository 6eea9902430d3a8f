using FederatedGateway.Core.Operations;
using FederatedGateway.Core.Planning.Internal;
using FederatedGateway.Core.Planning.Nodes;
using FederatedGateway.Core.Schema;

namespace FederatedGateway.Core.Planning;

/// <summary>
/// Plans operations over one supergraph. Pure and thread-safe: input is a normalized operation, output an
/// immutable <see cref="QueryPlan"/>.
/// </summary>
public sealed class QueryPlanner
{
    private readonly FederatedSchema _schema;
    private readonly SchemaQueries _queries;

    public QueryPlanner(FederatedSchema schema, int maxSteps = 200_000)
    {
        _schema = schema;
        _queries = new SchemaQueries(schema);
        MaxSteps = maxSteps;
    }

    /// <summary>The planning budget: selections visited before planning gives up.</summary>
    public int MaxSteps { get; }

    /// <exception cref="PlanningException">The operation cannot be planned (or exceeds the budget).</exception>
    public QueryPlan Plan(OperationKind kind, string? operationName, SelectionSet root, IReadOnlyList<VariableDefinition> variables, CancellationToken cancellationToken = default)
    {
        var rootType = root.ParentType;

        // Client fields are fetched under their data keys, the planner's own under names no client one can take.
        root = EscapedSelections.Escape(root);
        var planner = new SelectionPlanner(_queries, rootType, PlannerAliases.For(root), MaxSteps, cancellationToken);
        var rootGroups = new List<FetchGroup>();
        var type = _schema.GetType(rootType);
        if (kind == OperationKind.Query)
        {
            planner.RootGroupFor = subgraph =>
            {
                var existing = rootGroups.Find(g => g.Subgraph == subgraph);
                if (existing is null)
                {
                    existing = planner.NewRootGroup(subgraph);
                    rootGroups.Add(existing);
                }

                return existing;
            };
        }

        foreach (var field in RootFields(root, Array.Empty<InclusionCondition>()))
        {
            if (field.IsTypename || field.Name is "__schema" or "__type")
            {
                continue;
            }

            var definition = type.FindField(field.Name)
                ?? throw new PlanningException($"Cannot query field \"{field.Name}\" on type \"{rootType}\".");
            var group = ChooseRootGroup(planner, rootGroups, kind, type, definition, field);
            planner.PlanSelections(PlanPosition.RootOf(group, rootType, new List<PathSegment>()), new SelectionSet(rootType, new Selection[] { field }));
        }

        return new QueryPlan(new PlanBuilder(_schema, kind, operationName, variables).Build(planner.Groups, rootGroups));
    }

    private FetchGroup ChooseRootGroup(SelectionPlanner planner, List<FetchGroup> rootGroups, OperationKind kind, SchemaType rootType, SchemaField definition, FieldSelection field)
    {
        string? best = null;
        (int, int, string) bestScore = default;
        foreach (var (subgraph, info) in definition.Graphs)
        {
            if (!info.IsResolvable || info.Requires is not null || !rootType.Graphs.ContainsKey(subgraph))
            {
                continue;
            }

            var reuse = kind == OperationKind.Mutation
                ? (rootGroups.Count > 0 && rootGroups[^1].Subgraph == subgraph ? 0 : 1)
                : (rootGroups.Exists(g => g.Subgraph == subgraph) ? 0 : 1);
            var cost = _queries.Cost(subgraph, rootType.Name, new SelectionSet(rootType.Name, new Selection[] { field }), null);
            var score = (cost, reuse, subgraph);
            if (best is null || score.CompareTo(bestScore) < 0)
            {
                best = subgraph;
                bestScore = score;
            }
        }

        if (best is null)
        {
            throw new PlanningException($"No subgraph can resolve \"{rootType.Name}.{definition.Name}\".");
        }

        if (kind == OperationKind.Mutation)
        {
            if (rootGroups.Count > 0 && rootGroups[^1].Subgraph == best)
            {
                return rootGroups[^1];
            }
        }
        else
        {
            var existing = rootGroups.Find(g => g.Subgraph == best);
            if (existing is not null)
            {
                return existing;
            }
        }

        var group = planner.NewRootGroup(best);
        rootGroups.Add(group);
        return group;
    }

    /// <summary>The root fields in order, with conditions of enclosing fragments pushed onto them.</summary>
    private static IEnumerable<FieldSelection> RootFields(SelectionSet selectionSet, IReadOnlyList<InclusionCondition> inherited)
    {
        foreach (var selection in selectionSet.Selections)
        {
            switch (selection)
            {
                case FieldSelection field when inherited.Count == 0:
                    yield return field;
                    break;
                case FieldSelection field:
                    yield return new FieldSelection(field.Name, field.Alias, field.Arguments, field.Definition, field.SelectionSet,
                        inherited.Concat(field.Conditions).ToArray(), field.Location, field.Syntax);
                    break;
                case InlineFragmentSelection fragment:
                    foreach (var inner in RootFields(fragment.SelectionSet, inherited.Concat(fragment.Conditions).ToArray()))
                    {
                        yield return inner;
                    }

                    break;
            }
        }
    }
}
