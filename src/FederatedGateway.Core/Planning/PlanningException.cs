namespace FederatedGateway.Core.Planning;

/// <summary>The operation cannot be planned over this supergraph; reported as <c>QUERY_PLANNING_FAILED</c>.</summary>
public sealed class PlanningException : Exception
{
    public PlanningException(string message)
        : base(message)
    {
    }
}
