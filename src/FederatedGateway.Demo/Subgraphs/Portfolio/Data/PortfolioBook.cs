using FederatedGateway.Demo.Subgraphs.Portfolio.Models;

namespace FederatedGateway.Demo.Subgraphs.Portfolio.Data;

/// <summary>The in-memory instruments and positions (deterministic seed data).</summary>
internal sealed class PortfolioBook
{
    private readonly Dictionary<string, Instrument> _instruments;
    private readonly ILookup<string, Position> _positionsByTrader;

    public PortfolioBook()
    {
        Instruments =
        [
            new("AAPL", "Apple Inc.", "USD", AssetClass.Equity, "XNAS", 189.25),
            new("MSFT", "Microsoft Corporation", "USD", AssetClass.Equity, "XNAS", 415.10),
            new("NVDA", "NVIDIA Corporation", "USD", AssetClass.Equity, "XNAS", 121.40),
            new("SAP", "SAP SE", "EUR", AssetClass.Equity, "XETR", 182.40),
            new("VOD", "Vodafone Group Plc", "GBP", AssetClass.Equity, "XLON", 0.72),
            new("TLT", "iShares 20+ Year Treasury Bond ETF", "USD", AssetClass.Etf, "XNAS", 92.30),
        ];
        _instruments = Instruments.ToDictionary(i => i.Symbol, StringComparer.Ordinal);

        Position[] positions =
        [
            new("p-101", "t1", "AAPL", 150, 172.30),
            new("p-102", "t1", "MSFT", 40, 398.00),
            new("p-103", "t1", "TLT", 200, 95.10),
            new("p-201", "t2", "SAP", 120, 171.55),
            new("p-202", "t2", "VOD", 20000, 0.69),
            new("p-301", "t3", "NVDA", 300, 98.75),
            new("p-302", "t3", "AAPL", 50, 181.00),
        ];
        _positionsByTrader = positions.ToLookup(p => p.TraderId, StringComparer.Ordinal);
    }

    public IReadOnlyList<Instrument> Instruments { get; }

    public Instrument? FindInstrument(string symbol) => _instruments.GetValueOrDefault(symbol);

    public Instrument GetInstrument(string symbol)
        => FindInstrument(symbol) ?? throw new InvalidOperationException($"Seed data has no instrument '{symbol}'.");

    /// <summary>The trader's positions; none for a trader this subgraph has never seen.</summary>
    public IEnumerable<Position> PositionsOf(string traderId) => _positionsByTrader[traderId];
}
