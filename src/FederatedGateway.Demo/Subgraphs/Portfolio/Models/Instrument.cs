namespace FederatedGateway.Demo.Subgraphs.Portfolio.Models;

/// <summary>A tradable instrument with its last traded price (in <see cref="Currency"/>).</summary>
internal sealed record Instrument(string Symbol, string Name, string Currency, AssetClass AssetClass, string Exchange, double LastPrice);
