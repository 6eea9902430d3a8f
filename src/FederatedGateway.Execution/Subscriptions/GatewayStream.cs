using FederatedGateway.Execution.Requests;

namespace FederatedGateway.Execution.Subscriptions;

/// <summary>
/// A started operation for a streaming transport: either refused before execution (<see cref="Rejection"/>: parse,
/// validation or variable errors, a mutation over GET) or a stream of <see cref="Messages"/> — one for a query or
/// mutation, one per event for a subscription. The stream completes when the operation does; cancelling its
/// enumeration ends the subscription (and the subgraph's).
/// </summary>
public sealed class GatewayStream
{
    private GatewayStream(GatewayResult? rejection, IAsyncEnumerable<GatewayMessage>? messages)
    {
        Rejection = rejection;
        Messages = messages ?? Empty();
    }

    public GatewayResult? Rejection { get; }

    public IAsyncEnumerable<GatewayMessage> Messages { get; }

    public static GatewayStream Rejected(GatewayResult rejection) => new(rejection, null);

    public static GatewayStream Of(IAsyncEnumerable<GatewayMessage> messages) => new(null, messages);

    private static async IAsyncEnumerable<GatewayMessage> Empty()
    {
        await Task.CompletedTask.ConfigureAwait(false);
        yield break;
    }
}
