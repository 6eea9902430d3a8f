namespace FederatedGateway.AspNetCore.Loading;

/// <summary>The supergraph file is missing, unreadable or invalid; the message says which and why.</summary>
public sealed class SupergraphLoadException : Exception
{
    public SupergraphLoadException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
