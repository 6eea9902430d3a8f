using FederatedGateway.Execution.Transport;

namespace FederatedGateway.Execution.Subscriptions;

/// <summary>One message of a subgraph subscription; owns its pooled <see cref="Response"/> body until disposed.</summary>
public sealed class SubgraphEvent : IDisposable
{
    public SubgraphEvent(SubgraphEventKind kind, SubgraphResponse response)
    {
        Kind = kind;
        Response = response;
    }

    public SubgraphEventKind Kind { get; }

    public SubgraphResponse Response { get; }

    /// <param name="message">What the client is told: it must not name hosts, ports or addresses.</param>
    /// <param name="cause">The exception behind it, for the gateway's log only.</param>
    public static SubgraphEvent Failed(string message, string code, Exception? cause = null) =>
        new(SubgraphEventKind.Failed, SubgraphResponse.Failed(message, code, cause: cause));

    public void Dispose() => Response.Dispose();
}
