using FederatedGateway.Grpc.Tests.Infrastructure;
using FederatedGateway.Grpc.Tests.Market;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Status = Google.Rpc.Status;

namespace FederatedGateway.Grpc.Tests.Services;

/// <summary>Quotes computed from the symbol; failing and slow methods for the error tests.</summary>
public sealed class MarketService(CallLog calls) : MarketData.MarketDataBase
{
    public static Quote QuoteOf(string symbol) => new()
    {
        Symbol = symbol,
        Bid = symbol.Length * 10 + 0.5,
        Ask = symbol.Length * 10 + 0.75,
        Volume = 5_000_000_000L + symbol.Length,
        Time = Timestamp.FromDateTimeOffset(new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero)),
    };

    public override Task<Quote> GetQuote(GetQuoteRequest request, ServerCallContext context)
    {
        calls.Record("GetQuote", request.Symbol);
        return Task.FromResult(QuoteOf(request.Symbol));
    }

    public override Task<BatchGetQuotesResponse> BatchGetQuotes(BatchGetQuotesRequest request, ServerCallContext context)
    {
        calls.Record("BatchGetQuotes", string.Join(",", request.Symbols));
        var response = new BatchGetQuotesResponse();
        response.Quotes.Add(request.Symbols.Select(QuoteOf));
        return Task.FromResult(response);
    }

    public override Task<BatchGetInstrumentsResponse> BatchGetInstruments(BatchGetInstrumentsRequest request, ServerCallContext context)
    {
        calls.Record("BatchGetInstruments", string.Join(",", request.Instruments.Select(k => $"{k.Symbol}:{k.Quantity}")));

        // As many real services do: unknown symbols left out, the rest in an order of the service's own.
        var response = new BatchGetInstrumentsResponse();
        foreach (var key in request.Instruments.Where(k => !IsUnknown(k.Symbol)).Reverse())
        {
            var quote = QuoteOf(key.Symbol);
            response.Instruments.Add(new Instrument { Symbol = key.Symbol, Quote = quote, Exposure = key.Quantity * quote.Bid });
        }

        return Task.FromResult(response);
    }

    public override Task<BatchGetIssuersResponse> BatchGetIssuers(BatchGetIssuersRequest request, ServerCallContext context)
    {
        calls.Record("BatchGetIssuers", string.Join(",", request.Leis));
        var response = new BatchGetIssuersResponse();
        foreach (var lei in request.Leis.Where(lei => !IsUnknown(lei)))
        {
            response.Issuers[lei] = new Issuer { Lei = lei, Name = "Issuer " + lei };
        }

        return Task.FromResult(response);
    }

    /// <summary>Symbols and identifiers starting with "NO" are not known to the service.</summary>
    private static bool IsUnknown(string key) => key.StartsWith("NO", StringComparison.Ordinal);

    public override Task<Exchange> GetExchange(GetExchangeRequest request, ServerCallContext context)
    {
        calls.Record("GetExchange", request.Code);
        return Task.FromResult(new Exchange { Code = request.Code, Name = "Exchange " + request.Code });
    }

    public override Task<Quote> FailQuote(GetQuoteRequest request, ServerCallContext context)
    {
        var status = new Status
        {
            Code = (int)Code.NotFound,
            Message = $"no quote for {request.Symbol}",
            Details = { Any.Pack(new ErrorInfo { Reason = "UNKNOWN_SYMBOL", Domain = "market.test", Metadata = { ["symbol"] = request.Symbol } }) },
        };
        throw status.ToRpcException();
    }

    public override async Task<Quote> SlowQuote(GetQuoteRequest request, ServerCallContext context)
    {
        await Task.Delay(TimeSpan.FromSeconds(10), context.CancellationToken);
        return QuoteOf(request.Symbol);
    }

    public override Task<Quote> GetFlakyQuote(GetQuoteRequest request, ServerCallContext context)
    {
        calls.Record("GetFlakyQuote", request.Symbol);
        return calls.Count("GetFlakyQuote") <= 2
            ? throw new RpcException(new global::Grpc.Core.Status(StatusCode.Unavailable, "warming up"))
            : Task.FromResult(QuoteOf(request.Symbol));
    }

    public override Task<Quote> PlaceFlakyOrder(GetQuoteRequest request, ServerCallContext context)
    {
        calls.Record("PlaceFlakyOrder", request.Symbol);
        return calls.Count("PlaceFlakyOrder") <= 1
            ? throw new RpcException(new global::Grpc.Core.Status(StatusCode.Unavailable, "warming up"))
            : Task.FromResult(QuoteOf(request.Symbol));
    }

    public override async Task StreamQuotes(BatchGetQuotesRequest request, IServerStreamWriter<Quote> responseStream, ServerCallContext context)
    {
        for (var i = 0; i < 3; i++)
        {
            foreach (var symbol in request.Symbols)
            {
                var quote = QuoteOf(symbol);
                quote.Bid += i;
                await responseStream.WriteAsync(quote, context.CancellationToken);
            }
        }
    }
}
