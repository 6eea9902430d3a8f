namespace FederatedGateway.Core.Supergraph;

/// <summary>The supergraph document cannot be loaded; the message says why.</summary>
public sealed class SupergraphException : Exception
{
    public SupergraphException(string message)
        : base(message)
    {
    }
}
