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

    public static SubgraphEvent Failed(string message, string code) => new(SubgraphEventKind.Failed, SubgraphResponse.Failed(message, code));

    public void Dispose() => Response.Dispose();
}
