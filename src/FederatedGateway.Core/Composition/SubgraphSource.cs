namespace FederatedGateway.Core.Composition;

/// <summary>One subgraph handed to the composer: its name, the URL the gateway routes to, and its SDL.</summary>
/// <param name="Name">The subgraph name (becomes the <c>join__Graph</c> value, upper-cased).</param>
/// <param name="Url">The routing URL written into <c>@join__graph(url:)</c>.</param>
/// <param name="Sdl">The subgraph schema (Federation 1 or 2).</param>
/// <param name="SourceName">Where the SDL came from (a file path or URL), used in diagnostics.</param>
public sealed record SubgraphSource(string Name, string Url, string Sdl, string? SourceName = null);
