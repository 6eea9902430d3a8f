using System.Collections.Frozen;
using System.Runtime.CompilerServices;
using FederatedGateway.Core.Operations;
using FederatedGateway.Core.Planning.Nodes;

namespace FederatedGateway.Execution.Compilation;

/// <summary>
/// Compiles prepared operations for execution, once each: one compiler per snapshot (owned by its executor), whose
/// table holds an entry only while its prepared operation is alive (held by the operation cache or a request in
/// flight), so it is bounded by the cache and goes with the snapshot. No static state.
/// </summary>
public sealed class OperationCompiler
{
    private readonly ConditionalWeakTable<PreparedOperation, CompiledOperation> _compiled = new();

    /// <summary>The compiled form of <paramref name="operation"/>, compiled on first use.</summary>
    public CompiledOperation Compile(PreparedOperation operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        return _compiled.GetValue(operation, static op => Build(op));
    }

    private static CompiledOperation Build(PreparedOperation operation)
    {
        var fetches = new Dictionary<FetchNode, CompiledFetch>(ReferenceEqualityComparer.Instance);
        if (operation.Plan.Root is { } root)
        {
            Collect(root, fetches);
        }

        return new CompiledOperation(operation, fetches.ToFrozenDictionary(ReferenceEqualityComparer.Instance));
    }

    private static void Collect(PlanNode node, Dictionary<FetchNode, CompiledFetch> fetches)
    {
        switch (node)
        {
            case FetchNode fetch:
                if (!fetches.ContainsKey(fetch))
                {
                    fetches[fetch] = new CompiledFetch(fetch);
                }

                break;
            case FlattenNode flatten:
                Collect(flatten.Node, fetches);
                break;
            case SequenceNode sequence:
                foreach (var child in sequence.Nodes)
                {
                    Collect(child, fetches);
                }

                break;
            case ParallelNode parallel:
                foreach (var child in parallel.Nodes)
                {
                    Collect(child, fetches);
                }

                break;
            case ConditionNode condition:
                if (condition.IfClause is not null)
                {
                    Collect(condition.IfClause, fetches);
                }

                if (condition.ElseClause is not null)
                {
                    Collect(condition.ElseClause, fetches);
                }

                break;
            case SubscriptionNode subscription:
                Collect(subscription.Primary, fetches);
                if (subscription.Rest is not null)
                {
                    Collect(subscription.Rest, fetches);
                }

                break;
            default:
                throw new InvalidOperationException($"Unknown plan node {node.GetType().Name}.");
        }
    }
}
