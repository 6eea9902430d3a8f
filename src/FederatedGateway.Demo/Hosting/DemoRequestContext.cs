namespace FederatedGateway.Demo.Hosting;

/// <summary>
/// The per-request user context of a demo subgraph. <see cref="TraderId"/> comes from the
/// <c>x-trader-id</c> request header (the demo's stand-in for an authenticated user).
/// </summary>
internal sealed class DemoRequestContext : Dictionary<string, object?>
{
    public const string TraderIdHeader = "x-trader-id";

    public string? TraderId { get; init; }
}
