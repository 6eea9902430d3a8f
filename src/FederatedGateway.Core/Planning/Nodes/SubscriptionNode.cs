namespace FederatedGateway.Core.Planning.Nodes;

/// <summary>
/// A subscription: the <see cref="Primary"/> fetch subscribes to the subgraph that owns the root field; for every
/// event, its data is merged and the <see cref="Rest"/> of the plan (entity fetches into other subgraphs) runs on it.
/// Only ever the root of a plan.
/// </summary>
public sealed class SubscriptionNode : PlanNode
{
    public SubscriptionNode(FetchNode primary, PlanNode? rest)
    {
        if (primary.IsEntityFetch || primary.OperationKind != Operations.OperationKind.Subscription)
        {
            throw new ArgumentException("A subscription's primary fetch is a subscription operation on the root type.", nameof(primary));
        }

        Primary = primary;
        Rest = rest;
    }

    /// <summary>The <c>subscription</c> operation sent to the owning subgraph.</summary>
    public FetchNode Primary { get; }

    /// <summary>What runs for every event after its data is merged; null when the owning subgraph resolves everything.</summary>
    public PlanNode? Rest { get; }
}
