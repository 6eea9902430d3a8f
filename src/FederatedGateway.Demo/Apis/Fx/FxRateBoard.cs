namespace FederatedGateway.Demo.Apis.Fx;

/// <summary>
/// The FX service's fixed rates: every pair of USD, EUR and GBP (the currencies of the demo's instruments and traders),
/// the same currency twice included (at 1), crossed through each currency's value in US dollars, with a spread of one
/// basis point either side of the mid and four decimals.
/// </summary>
internal static class FxRateBoard
{
    /// <summary>When the demo's rates were fixed: the close of the day the seeded orders were placed.</summary>
    public static DateTimeOffset AsOf { get; } = new(2024, 5, 2, 16, 0, 0, TimeSpan.Zero);

    private static readonly Dictionary<string, decimal> s_usdValue = new(StringComparer.Ordinal)
    {
        ["USD"] = 1m,
        ["EUR"] = 1.0725m,
        ["GBP"] = 1.2550m,
    };

    /// <summary>The rate of a pair written <c>BASE/QUOTE</c>, e.g. <c>USD/GBP</c>; null for a currency it does not quote.</summary>
    public static FxQuote? Find(string pair)
    {
        var parts = pair.Split('/');
        if (parts.Length != 2 || !s_usdValue.TryGetValue(parts[0], out var baseValue) || !s_usdValue.TryGetValue(parts[1], out var quoteValue))
        {
            return null;
        }

        if (parts[0] == parts[1])
        {
            return new FxQuote(pair, 1.0000m, 1.0000m, 1.0000m, AsOf);
        }

        var mid = baseValue / quoteValue;
        return new FxQuote(pair, Round(mid * 0.9999m), Round(mid * 1.0001m), Round(mid), AsOf);
    }

    private static decimal Round(decimal value) => Math.Round(value, 4, MidpointRounding.AwayFromZero);
}
