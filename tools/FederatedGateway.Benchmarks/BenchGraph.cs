using System.Text.Json;
using FederatedGateway.Execution.Gateway;
using FederatedGateway.Execution.Requests;
using FederatedGateway.Execution.Transport;

namespace FederatedGateway.Benchmarks;

/// <summary>The standard federation benchmark: its supergraph, nested query and recorded subgraph answers.</summary>
public static class BenchGraph
{
    public static string DataFile(string name) => Path.Combine(AppContext.BaseDirectory, "Data", name);

    public static string Supergraph => File.ReadAllText(DataFile("supergraph.graphql"));

    // Read once: a request per iteration must not measure reading the file (it was 8 KB of the 29 KB per execution).
    private static readonly Lazy<string> LazyQuery = new(() => File.ReadAllText(DataFile("query.graphql")));

    public static string Query => LazyQuery.Value;

    public static FederatedGatewayExecutor Gateway(ISubgraphClient client, IReadOnlyDictionary<string, string>? overrides = null) =>
        new(GatewaySnapshot.Build(Supergraph, client, overrides));

    /// <summary>True when a response equals expected-response.json after JSON normalisation.</summary>
    public static bool MatchesExpected(ReadOnlySpan<byte> response)
    {
        using var answer = JsonDocument.Parse(response.ToArray());
        using var expected = JsonDocument.Parse(File.ReadAllBytes(DataFile("expected-response.json")));
        return JsonSerializer.Serialize(answer.RootElement) == JsonSerializer.Serialize(expected.RootElement);
    }

    public static GatewayRequest Request() => new() { Query = Query, Variables = default };

    /// <summary>Runs the query once against running benchmark subgraphs and saves their answers (Data/answers.json).</summary>
    public static async Task<int> RecordAsync(string subgraphsBaseUrl)
    {
        var overrides = new Dictionary<string, string>();
        foreach (var name in new[] { "accounts", "inventory", "products", "reviews" })
        {
            overrides[name] = subgraphsBaseUrl.TrimEnd('/') + "/" + name;
        }

        var recording = new ReplayingSubgraphClient.Recording(new HttpSubgraphClient());
        var result = await Gateway(recording, overrides).ExecuteAsync(Request(), CancellationToken.None);
        if (!MatchesExpected(result.Body.Span))
        {
            Console.Error.WriteLine("error: the gateway's answer differs from expected-response.json; nothing recorded.");
            return 1;
        }

        var path = Path.Combine(Directory.GetCurrentDirectory(), "answers.json");
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(recording.Answers, new JsonSerializerOptions { WriteIndented = false }));
        Console.WriteLine($"recorded {recording.Answers.Count} subgraph answers to {path}");
        return 0;
    }
}
