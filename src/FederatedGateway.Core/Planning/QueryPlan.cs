using FederatedGateway.Core.Planning.Nodes;

namespace FederatedGateway.Core.Planning;

/// <summary>An immutable plan for one operation; <see cref="Root"/> is null when nothing needs fetching.</summary>
public sealed class QueryPlan
{
    public QueryPlan(PlanNode? root)
    {
        Root = root;
    }

    public PlanNode? Root { get; }

    public override string ToString() => QueryPlanPrinter.Print(this);
}
