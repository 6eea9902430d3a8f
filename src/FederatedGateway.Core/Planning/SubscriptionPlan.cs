using FederatedGateway.Core.Planning.Nodes;

namespace FederatedGateway.Core.Planning;

/// <summary>
/// A subscription's plan split in two: the <see cref="Primary"/> fetch that subscribes to the subgraph owning the
/// root field, and the <see cref="Rest"/> of the plan (entity fetches into other subgraphs), run once per event on
/// the event's data. The planner prints a subscription as <c>Sequence { Fetch(subscription), … }</c>; this is that
/// sequence taken apart.
/// </summary>
public sealed class SubscriptionPlan
{
    private SubscriptionPlan(FetchNode primary, PlanNode? rest)
    {
        Primary = primary;
        Rest = rest;
    }

    /// <summary>The <c>subscription</c> operation sent to the owning subgraph.</summary>
    public FetchNode Primary { get; }

    /// <summary>What runs for every event after its data is merged; null when the owning subgraph resolves everything.</summary>
    public PlanNode? Rest { get; }

    /// <summary>Splits a subscription's plan; null when the plan does not start with one subscription fetch.</summary>
    public static SubscriptionPlan? From(QueryPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        switch (plan.Root)
        {
            case FetchNode fetch when IsSubscription(fetch):
                return new SubscriptionPlan(fetch, null);
            case SequenceNode { Nodes.Count: > 1 } sequence when sequence.Nodes[0] is FetchNode fetch && IsSubscription(fetch):
                var rest = new PlanNode[sequence.Nodes.Count - 1];
                for (var i = 1; i < sequence.Nodes.Count; i++)
                {
                    if (ContainsSubscriptionFetch(sequence.Nodes[i]))
                    {
                        return null;
                    }

                    rest[i - 1] = sequence.Nodes[i];
                }

                return new SubscriptionPlan(fetch, rest.Length == 1 ? rest[0] : new SequenceNode(rest));
            default:
                return null;
        }
    }

    private static bool IsSubscription(FetchNode fetch) => !fetch.IsEntityFetch && fetch.OperationKind == "subscription";

    private static bool ContainsSubscriptionFetch(PlanNode node) => node switch
    {
        FetchNode fetch => IsSubscription(fetch),
        FlattenNode flatten => IsSubscription(flatten.Node),
        SequenceNode sequence => sequence.Nodes.Any(ContainsSubscriptionFetch),
        ParallelNode parallel => parallel.Nodes.Any(ContainsSubscriptionFetch),
        ConditionNode condition => (condition.IfClause is not null && ContainsSubscriptionFetch(condition.IfClause))
            || (condition.ElseClause is not null && ContainsSubscriptionFetch(condition.ElseClause)),
        _ => false,
    };
}
