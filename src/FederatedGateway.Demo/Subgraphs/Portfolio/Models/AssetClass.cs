namespace FederatedGateway.Demo.Subgraphs.Portfolio.Models;

/// <summary>The kind of an instrument.</summary>
internal enum AssetClass
{
    Equity,
    Etf,
    Bond,
}
