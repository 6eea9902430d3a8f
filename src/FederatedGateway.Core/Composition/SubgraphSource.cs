namespace FederatedGateway.Core.Composition;

/// <summary>One subgraph handed to the composer: its name, the URL the gateway routes to, and its SDL.</summary>
/// <param name="Name">The subgraph name (becomes the <c>join__Graph</c> value, upper-cased).</param>
/// <param name="Url">The routing URL written into <c>@join__graph(url:)</c>.</param>
/// <param name="Sdl">The subgraph schema (Federation 1 or 2).</param>
/// <param name="SourceName">Where the SDL came from (a file path or URL), used in diagnostics.</param>
public sealed record SubgraphSource(string Name, string Url, string Sdl, string? SourceName = null)
{
    /// <summary>
    /// For generated SDL (a gRPC source's): what each line (index 0 is line 1) was made from, e.g.
    /// <c>field market.v1.Quote.symbol (market/v1/market_data.proto)</c>, so diagnostics can point there instead of at
    /// a line nobody sees.
    /// </summary>
    public IReadOnlyList<string?>? LineOrigins { get; init; }
}
