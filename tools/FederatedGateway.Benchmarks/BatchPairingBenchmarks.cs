using System.Text.Json;
using BenchmarkDotNet.Attributes;
using FederatedGateway.Grpc.Client;
using FederatedGateway.Grpc.Descriptors;
using FederatedGateway.Grpc.Tests.Market;
using FederatedGateway.Grpc.Translation;
using Google.Protobuf;

namespace FederatedGateway.Benchmarks;

/// <summary>
/// What pairing a batch lookup's answer with the keys asked for costs, by key (the default: each representation's
/// key encoded and read back, distinct keys asked once, the answer matched whatever its order or gaps) against by
/// position (the answer must hold one entity per key, in order): request encoding plus pairing for 100 entities, the
/// answer in reverse order for by key. The call itself (tens of microseconds over loopback) is not included.
/// </summary>
[MemoryDiagnoser]
public class BatchPairingBenchmarks
{
    private const int Count = 100;

    private EntityBinding _byKey = null!;
    private EntityBinding _byPosition = null!;
    private GrpcSchema _schema = null!;
    private JsonDocument _representations = null!;
    private byte[] _inOrder = [];
    private byte[] _reversed = [];
    private List<int> _indexes = [];

    [GlobalSetup]
    public void Setup()
    {
        var options = new TranslationOptions { Style = TranslationStyle.Mirror };
        _schema = GrpcSchemaTranslator.Translate(ProtoFiles.FromGenerated([MarketReflection.Descriptor]), options);
        _byKey = _schema.Entities["Quote"];
        _byPosition = GrpcSchemaTranslator.Translate(ProtoFiles.FromGenerated([MarketReflection.Descriptor]), options).Entities["Quote"];
        _byPosition.Correspondence = LookupCorrespondence.ByPosition;
        if (_byKey.Correspondence == LookupCorrespondence.ByPosition)
        {
            throw new InvalidOperationException("The market proto's Quote lookup was expected to pair by key by default.");
        }

        var symbols = Enumerable.Range(0, Count).Select(i => $"SYM{i:D3}").ToList();
        _representations = JsonDocument.Parse(JsonSerializer.Serialize(symbols.Select(s => new Dictionary<string, string> { ["__typename"] = "Quote", ["symbol"] = s })));
        _inOrder = Answer(symbols).ToByteArray();
        symbols.Reverse();
        _reversed = Answer(symbols).ToByteArray();
        _indexes = [.. Enumerable.Range(0, Count)];
    }

    [GlobalCleanup]
    public void Cleanup() => _representations.Dispose();

    private static BatchGetQuotesResponse Answer(IEnumerable<string> symbols)
    {
        var response = new BatchGetQuotesResponse();
        response.Quotes.Add(symbols.Select(s => new Quote { Symbol = s, Bid = 10.5, Ask = 10.75, Volume = 5_000_000_000L }));
        return response;
    }

    [Benchmark(Baseline = true)]
    public int ByPosition()
    {
        var items = new EntityItem[Count];
        var request = FetchCall.EncodeBatchRequest(_byPosition, _representations.RootElement, _indexes, _schema, null);
        FetchCall.PairByPosition(_byPosition, null, _inOrder, _indexes, items);
        return request.Length + items.Length;
    }

    [Benchmark]
    public int ByKey()
    {
        var items = new EntityItem[Count];
        var wanted = new WantedKeys();
        var request = FetchCall.EncodeBatchRequest(_byKey, _representations.RootElement, _indexes, _schema, wanted);
        FetchCall.PairByKey(_byKey, null, _reversed, wanted, _representations.RootElement, items);
        return request.Length + items.Length;
    }
}
