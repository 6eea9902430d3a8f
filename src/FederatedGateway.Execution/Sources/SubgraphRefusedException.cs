namespace FederatedGateway.Execution.Sources;

/// <summary>A source refuses to serve a subgraph as configured (the message says why and what to change); the schema is not loaded.</summary>
public sealed class SubgraphRefusedException : InvalidOperationException
{
    public SubgraphRefusedException(string message)
        : base(message)
    {
    }
}
