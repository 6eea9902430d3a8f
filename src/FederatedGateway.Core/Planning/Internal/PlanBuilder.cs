using FederatedGateway.Core.Operations;
using FederatedGateway.Core.Planning.Nodes;
using FederatedGateway.Core.Schema;

namespace FederatedGateway.Core.Planning.Internal;

/// <summary>
/// Turns planned fetch groups into the plan: orders them by dependency (<see cref="DependencyLevels"/>), merges
/// each level's entity fetches that can share a request (<see cref="FetchBatcher"/>), makes one node per request
/// (<see cref="FetchNodeFactory"/>, numbered, with the numbers of the fetches it needs), and shapes the result: a
/// Sequence of Parallel levels, per root field in order for a mutation, a Subscription for a subscription.
/// </summary>
internal sealed class PlanBuilder
{
    private readonly OperationKind _kind;
    private readonly FetchBatcher _batcher;
    private readonly FetchNodeFactory _nodes;
    private readonly Dictionary<FetchGroup, int> _ids = new();
    private int _lastId;

    public PlanBuilder(FederatedSchema schema, OperationKind kind, string? operationName, IReadOnlyList<VariableDefinition> variables)
    {
        _kind = kind;
        var frozen = new FrozenSelections();
        _batcher = new FetchBatcher(schema, frozen);
        _nodes = new FetchNodeFactory(kind, operationName, variables, frozen);
    }

    public PlanNode? Build(List<FetchGroup> groups, List<FetchGroup> roots)
    {
        if (roots.Count == 0)
        {
            return null;
        }

        if (_kind == OperationKind.Mutation)
        {
            // Root fields of a mutation run one after the other: every fetch of one waits for all fetches of the one before.
            var steps = new List<PlanNode>();
            var previous = Array.Empty<int>();
            foreach (var root in roots)
            {
                var owned = groups.Where(g => RootOf(g) == root).ToList();
                var first = _lastId + 1;
                steps.AddRange(Levels(owned, previous));
                previous = Enumerable.Range(first, _lastId - first + 1).ToArray();
            }

            return Wrap(steps, s => new SequenceNode(s));
        }

        var levels = Levels(groups, Array.Empty<int>());
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

    /// <param name="before">Fetches every one of these groups waits for besides its own dependencies.</param>
    private List<PlanNode> Levels(List<FetchGroup> groups, int[] before)
    {
        var levels = new List<PlanNode>();
        foreach (var level in DependencyLevels.Of(groups))
        {
            var members = new List<PlanNode>();
            foreach (var batch in _batcher.Batch(level))
            {
                var id = ++_lastId;
                var dependsOn = DependenciesOf(batch, before);
                foreach (var member in batch)
                {
                    _ids[member] = id;
                }

                members.Add(_nodes.Create(batch, id, dependsOn));
            }

            levels.Add(Wrap(members, m => new ParallelNode(m)));
        }

        return levels;
    }

    /// <summary>The numbers of the fetches a batch needs: those of its members' dependencies (earlier levels, so numbered already).</summary>
    private int[] DependenciesOf(List<FetchGroup> batch, int[] before)
    {
        var ids = new SortedSet<int>(before);
        foreach (var member in batch)
        {
            foreach (var dependency in member.DependsOn)
            {
                if (_ids.TryGetValue(dependency, out var id))
                {
                    ids.Add(id);
                }
            }
        }

        return ids.ToArray();
    }

    private static PlanNode Wrap(List<PlanNode> nodes, Func<List<PlanNode>, PlanNode> many) =>
        nodes.Count == 1 ? nodes[0] : many(nodes);
}
