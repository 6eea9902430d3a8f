using FederatedGateway.Demo.Subgraphs.Orders.Models;

namespace FederatedGateway.Demo.Subgraphs.Orders.Data;

/// <summary>
/// The tradable symbols and their names, as replicated into the order system (the names are what
/// <c>Order.instrument @provides(fields: "name")</c> serves). Mirrors the portfolio subgraph's instruments.
/// </summary>
internal sealed class InstrumentCatalog
{
    private readonly Dictionary<string, InstrumentRef> _bySymbol = new(StringComparer.Ordinal)
    {
        ["AAPL"] = new("AAPL", "Apple Inc."),
        ["MSFT"] = new("MSFT", "Microsoft Corporation"),
        ["NVDA"] = new("NVDA", "NVIDIA Corporation"),
        ["SAP"] = new("SAP", "SAP SE"),
        ["VOD"] = new("VOD", "Vodafone Group Plc"),
        ["TLT"] = new("TLT", "iShares 20+ Year Treasury Bond ETF"),
    };

    public InstrumentRef? Find(string symbol) => _bySymbol.GetValueOrDefault(symbol);

    public InstrumentRef Get(string symbol)
        => Find(symbol) ?? throw new InvalidOperationException($"Seed data has no instrument '{symbol}'.");
}
