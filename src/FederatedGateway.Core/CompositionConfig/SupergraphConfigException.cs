namespace FederatedGateway.Core.CompositionConfig;

/// <summary>A supergraph config that cannot be read or whose sources cannot be fetched; the message says which and why.</summary>
public sealed class SupergraphConfigException : Exception
{
    public SupergraphConfigException(string message)
        : base(message)
    {
    }

    public SupergraphConfigException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
