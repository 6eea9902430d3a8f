using Microsoft.AspNetCore.Http;

namespace FederatedGateway.Demo.Hosting;

/// <summary>
/// The per-request user context of a demo subgraph. <see cref="TraderId"/> comes from the
/// <c>x-trader-id</c> request header (the demo's stand-in for an authenticated user).
/// </summary>
internal sealed class DemoRequestContext : Dictionary<string, object?>
{
    public const string TraderIdHeader = "x-trader-id";

    /// <summary>
    /// A caller's own <c>x-trader-id</c> as the demo gateway passes it on: renamed, so that the <c>x-trader-id</c> the
    /// gateway sets from a token's subject wins over it.
    /// </summary>
    public const string RequestedTraderIdHeader = "x-requested-trader-id";

    public string? TraderId { get; init; }

    /// <summary>The trader a request names: <c>x-trader-id</c>, else <c>x-requested-trader-id</c>; null when neither.</summary>
    public static string? TraderIdOf(IHeaderDictionary headers) =>
        new[] { headers[TraderIdHeader].ToString(), headers[RequestedTraderIdHeader].ToString() }.FirstOrDefault(id => id.Length > 0);
}
