using FederatedGateway.Demo.Grpc.Market;
using Google.Protobuf.WellKnownTypes;

namespace FederatedGateway.Demo.Grpc;

/// <summary>Deterministic demo quotes around each instrument's last price; tick n moves the price a little.</summary>
internal static class QuoteFeed
{
    private static readonly Dictionary<string, double> s_lastPrices = new(StringComparer.Ordinal)
    {
        ["AAPL"] = 189.25,
        ["MSFT"] = 415.10,
        ["NVDA"] = 121.40,
        ["SAP"] = 182.40,
        ["VOD"] = 0.72,
        ["TLT"] = 92.30,
    };

    private static readonly DateTimeOffset s_open = new(2026, 11, 27, 14, 30, 0, TimeSpan.Zero);

    public static bool IsKnown(string symbol) => s_lastPrices.ContainsKey(symbol);

    public static Quote Quote(string symbol, int tick = 0)
    {
        var last = s_lastPrices.GetValueOrDefault(symbol, 100.0);
        var price = Math.Round(last * (1 + (0.001 * ((tick % 7) - 3))), 4);
        var spread = Math.Round(Math.Max(0.0001, price * 0.0002), 4);
        return new Quote
        {
            Symbol = symbol,
            Bid = Math.Round(price - spread, 4),
            Ask = Math.Round(price + spread, 4),
            Last = price,
            Volume = 12_000_000L + (symbol.Length * 1_000_003L) + tick,
            Time = Timestamp.FromDateTimeOffset(s_open.AddSeconds(tick)),
        };
    }
}
