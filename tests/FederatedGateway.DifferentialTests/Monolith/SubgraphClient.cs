using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace FederatedGateway.DifferentialTests.Monolith;

/// <summary>
/// Sends small GraphQL requests straight to the subgraphs (never through the gateway) and remembers each
/// answer: the data does not change while a differential run reads it.
/// </summary>
public sealed class SubgraphClient : IDisposable
{
    private readonly HttpClient _http = new();
    private readonly IReadOnlyDictionary<string, string> _urls;
    private readonly ConcurrentDictionary<string, Lazy<Task<JsonObject>>> _answers = new(StringComparer.Ordinal);

    public SubgraphClient(IReadOnlyDictionary<string, string> urls) => _urls = urls;

    /// <summary>How many different requests went to the subgraphs.</summary>
    public int RequestCount => _answers.Count;

    /// <summary>The <c>data</c> of the answer; any subgraph error is a harness failure.</summary>
    public Task<JsonObject> QueryAsync(string subgraph, string query, JsonObject? variables = null)
    {
        var body = new JsonObject { ["query"] = query, ["variables"] = variables?.DeepClone() ?? new JsonObject() };
        var key = subgraph + "\n" + body.ToJsonString();
        return _answers.GetOrAdd(key, _ => new Lazy<Task<JsonObject>>(() => SendAsync(subgraph, body))).Value;
    }

    private async Task<JsonObject> SendAsync(string subgraph, JsonObject body)
    {
        using var response = await _http.PostAsJsonAsync(_urls[subgraph], body).ConfigureAwait(false);
        var answer = (await response.Content.ReadFromJsonAsync<JsonObject>().ConfigureAwait(false))!;
        if (answer["errors"] is not null || answer["data"] is not JsonObject data)
        {
            throw new InvalidOperationException($"{subgraph} answered {answer.ToJsonString()} to {body.ToJsonString()}");
        }

        return data;
    }

    public void Dispose() => _http.Dispose();
}
