using FederatedGateway.Demo.Grpc.Market;
using Grpc.Core;

namespace FederatedGateway.Demo.Grpc;

/// <summary>The market-data service: quotes by symbol, in batches, and as a live stream.</summary>
internal sealed class MarketDataService(DemoGrpcCalls calls) : MarketData.MarketDataBase
{
    public override Task<Quote> GetQuote(GetQuoteRequest request, ServerCallContext context)
    {
        calls.Record(nameof(GetQuote));
        if (!QuoteFeed.IsKnown(request.Symbol))
        {
            throw new RpcException(new Status(StatusCode.NotFound, $"No quotes for symbol \"{request.Symbol}\"."));
        }

        return Task.FromResult(QuoteFeed.Quote(request.Symbol));
    }

    public override Task<BatchGetQuotesResponse> BatchGetQuotes(BatchGetQuotesRequest request, ServerCallContext context)
    {
        calls.Record(nameof(BatchGetQuotes), string.Join(",", request.Symbols));
        var response = new BatchGetQuotesResponse();
        foreach (var symbol in request.Symbols)
        {
            response.Instruments.Add(new Instrument { Symbol = symbol, Quote = QuoteFeed.IsKnown(symbol) ? QuoteFeed.Quote(symbol) : null });
        }

        return Task.FromResult(response);
    }

    public override async Task StreamQuotes(StreamQuotesRequest request, IServerStreamWriter<Quote> responseStream, ServerCallContext context)
    {
        calls.Record(nameof(StreamQuotes));
        var interval = request.Interval?.ToTimeSpan() is { } given && given > TimeSpan.Zero ? given : TimeSpan.FromSeconds(1);
        for (var tick = 0; request.Limit <= 0 || tick < request.Limit; tick++)
        {
            foreach (var symbol in request.Symbols)
            {
                await responseStream.WriteAsync(QuoteFeed.Quote(symbol, tick), context.CancellationToken).ConfigureAwait(false);
            }

            await Task.Delay(interval, context.CancellationToken).ConfigureAwait(false);
        }
    }
}
