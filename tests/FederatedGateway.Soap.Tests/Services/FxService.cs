using System.Globalization;

namespace FederatedGateway.Soap.Tests.Services;

/// <summary>The FX rates service of fx-rates.wsdl (SOAP 1.2): EUR/USD and GBP/USD are known; any other pair is a Sender fault.</summary>
public static class FxService
{
    private const string Ns = "urn:example:fx";

    private static readonly Dictionary<string, (decimal Bid, decimal Ask)> Rates = new()
    {
        ["EUR/USD"] = (1.0841m, 1.0843m),
        ["GBP/USD"] = (1.2702m, 1.2705m),
    };

    public static Task<SoapTestService> StartAsync() => SoapTestService.StartAsync(Answer);

    private static (int, string) Answer(SoapCall call)
    {
        switch (call.Element?.Name.LocalName)
        {
            case "GetRate":
                var pair = call.Value("Pair");
                return Rates.ContainsKey(pair) ? (200, $"<fx:GetRateResponse xmlns:fx=\"{Ns}\">{Rate(pair)}</fx:GetRateResponse>") : Fault($"Unknown currency pair {pair}");
            case "GetRates":
                var rates = call.Element.Elements().Select(e => e.Value).Where(Rates.ContainsKey).Select(Rate);
                return (200, $"<fx:GetRatesResponse xmlns:fx=\"{Ns}\">{string.Concat(rates)}</fx:GetRatesResponse>");
            case "ConvertAmount":
                var (from, to) = (call.Value("From"), call.Value("To"));
                if (!Rates.TryGetValue(from + "/" + to, out var rate))
                {
                    return Fault($"Unknown currency pair {from}/{to}");
                }

                var amount = decimal.Parse(call.Value("Amount"), CultureInfo.InvariantCulture);
                return (200, $"<fx:ConvertAmountResponse xmlns:fx=\"{Ns}\"><fx:Conversion><fx:From>{from}</fx:From><fx:To>{to}</fx:To><fx:Amount>{amount}</fx:Amount>"
                    + $"<fx:Converted>{(amount * rate.Bid).ToString("0.00", CultureInfo.InvariantCulture)}</fx:Converted><fx:Rate>{rate.Bid.ToString(CultureInfo.InvariantCulture)}</fx:Rate></fx:Conversion></fx:ConvertAmountResponse>");
            case "BookHedge":
                return (200, $"<fx:BookHedgeResponse xmlns:fx=\"{Ns}\"><fx:TicketId>H-{call.Value("Pair").Replace("/", "", StringComparison.Ordinal)}-{call.Value("Notional")}</fx:TicketId></fx:BookHedgeResponse>");
            default:
                return Fault("Unknown operation");
        }
    }

    private static string Rate(string pair)
    {
        var (bid, ask) = Rates[pair];
        return $"<fx:Rate><fx:Pair>{pair}</fx:Pair><fx:Bid>{bid.ToString(CultureInfo.InvariantCulture)}</fx:Bid><fx:Ask>{ask.ToString(CultureInfo.InvariantCulture)}</fx:Ask><fx:AsOf>2026-12-04T09:30:00Z</fx:AsOf></fx:Rate>";
    }

    private static (int, string) Fault(string reason) =>
        (500, $"<s:Fault><s:Code><s:Value>s:Sender</s:Value></s:Code><s:Reason><s:Text xml:lang=\"en\">{reason}</s:Text></s:Reason></s:Fault>");
}
