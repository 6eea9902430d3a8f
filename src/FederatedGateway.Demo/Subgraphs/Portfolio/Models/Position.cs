namespace FederatedGateway.Demo.Subgraphs.Portfolio.Models;

/// <summary>A trader's holding of one instrument, bought at <see cref="AveragePrice"/> on average.</summary>
internal sealed record Position(string Id, string TraderId, string Symbol, int Quantity, double AveragePrice);
