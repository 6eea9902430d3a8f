using System.Text.Json;
using FederatedGateway.Core.Composition;

namespace FederatedGateway.CompositionParity;

/// <summary>Reads suites from a federation gateway audit server: the suite ids, a suite's subgraphs and Apollo's supergraph.</summary>
internal sealed class AuditClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly string _baseUrl;

    public AuditClient(string baseUrl)
    {
        _baseUrl = baseUrl;
        _http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <exception cref="AuditException">The server cannot be reached or answers something else than a list of ids.</exception>
    public async Task<IReadOnlyList<string>> SuitesAsync() =>
        Read(await GetAsync("/ids"), "/ids", json => JsonSerializer.Deserialize<List<string>>(json) ?? throw new JsonException("null"));

    /// <exception cref="AuditException">The suite's subgraphs cannot be fetched or are not <c>[{name, url, sdl}]</c>.</exception>
    public async Task<IReadOnlyList<SubgraphSource>> SubgraphsAsync(string suite)
    {
        var path = $"/{suite}/subgraphs";
        return Read(await GetAsync(path), path, json =>
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.EnumerateArray()
                .Select(s => new SubgraphSource(s.GetProperty("name").GetString()!, s.GetProperty("url").GetString()!, s.GetProperty("sdl").GetString()!))
                .ToList();
        });
    }

    /// <exception cref="AuditException">Apollo's supergraph of the suite cannot be fetched.</exception>
    public Task<string> ApolloSupergraphAsync(string suite) => GetAsync($"/{suite}/supergraph");

    public void Dispose() => _http.Dispose();

    private async Task<string> GetAsync(string path)
    {
        try
        {
            using var response = await _http.GetAsync(_baseUrl + path);
            var body = await response.Content.ReadAsStringAsync();
            return response.IsSuccessStatusCode ? body : throw new AuditException($"GET {_baseUrl}{path} answered HTTP {(int)response.StatusCode}");
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            throw new AuditException($"GET {_baseUrl}{path} failed: {ex.Message}");
        }
    }

    private T Read<T>(string json, string path, Func<string, T> read)
    {
        try
        {
            return read(json);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or KeyNotFoundException)
        {
            throw new AuditException($"GET {_baseUrl}{path} did not answer the expected JSON: {ex.Message}");
        }
    }
}
