using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace FederatedGateway.Cli.Registry;

/// <summary>The registry's HTTP API as the CLI uses it: one variant, a token from <c>FGW_REGISTRY_TOKEN</c>.</summary>
internal sealed class RegistryClient : IDisposable
{
    public const string TokenVariable = "FGW_REGISTRY_TOKEN";

    private readonly HttpClient _http;
    private readonly string _variantUrl;

    private RegistryClient(HttpClient http, string variantUrl)
    {
        _http = http;
        _variantUrl = variantUrl;
    }

    /// <summary>A client, or the reason there cannot be one (bad URL, bad graph reference, no token).</summary>
    public static RegistryClient? Create(string? registry, string? graph, string? token, out string? problem)
    {
        problem = null;
        if (registry is null || !Uri.TryCreate(registry, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            problem = "--registry needs the registry's http(s) URL, e.g. --registry http://127.0.0.1:4300";
            return null;
        }

        if (graph is null || !TryParseGraph(graph, out var name, out var variant))
        {
            problem = "--graph needs name@variant, e.g. --graph trading@prod (names: letters, digits, '-', '_')";
            return null;
        }

        if (string.IsNullOrWhiteSpace(token))
        {
            problem = $"no registry token: set {TokenVariable}";
            return null;
        }

        var basePath = uri.AbsolutePath.Contains("/registry/", StringComparison.Ordinal) ? uri.ToString().TrimEnd('/') : uri.ToString().TrimEnd('/') + "/registry/v1";
        var http = new HttpClient { Timeout = TimeSpan.FromSeconds(100) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Trim());
        return new RegistryClient(http, $"{basePath}/graphs/{name}/variants/{variant}");
    }

    public Task<RegistryAnswer> PublishAsync(string subgraph, string url, string sdl, string? commit, string? message) =>
        SendAsync(HttpMethod.Post, $"/subgraphs/{subgraph}", new { url, sdl, commit, message });

    public Task<RegistryAnswer> CheckAsync(string subgraph, string sdl, string? url, string? commit) => SendAsync(HttpMethod.Post, $"/subgraphs/{subgraph}/check", new { sdl, url, commit });

    public Task<RegistryAnswer> DeleteAsync(string subgraph) => SendAsync(HttpMethod.Delete, $"/subgraphs/{subgraph}", null);

    public Task<RegistryAnswer> HistoryAsync(int limit) => SendAsync(HttpMethod.Get, $"/versions?limit={limit}", null);

    public Task<RegistryAnswer> RollbackAsync(int version, string? message) => SendAsync(HttpMethod.Post, "/rollback", new { version, message });

    public Task<RegistryAnswer> VersionAsync(int version) => SendAsync(HttpMethod.Get, $"/versions/{version}", null);

    /// <summary>Registers a persisted query list (its JSON text as read from the file) as the variant's trusted documents.</summary>
    public Task<RegistryAnswer> AddDocumentsAsync(string manifest, string? commit, string? message) =>
        SendAsync(HttpMethod.Post, $"/documents?commit={Uri.EscapeDataString(commit ?? "")}&message={Uri.EscapeDataString(message ?? "")}", new StringContent(manifest, System.Text.Encoding.UTF8, "application/json"));

    /// <summary>The current supergraph SDL (in <see cref="RegistryAnswer.Text"/>).</summary>
    public Task<RegistryAnswer> SupergraphAsync() => SendAsync(HttpMethod.Get, "/supergraph", null);

    /// <exception cref="RegistryUnreachableException">The registry could not be reached or answered garbage.</exception>
    private async Task<RegistryAnswer> SendAsync(HttpMethod method, string path, object? body)
    {
        using var request = new HttpRequestMessage(method, _variantUrl + path);
        if (body is not null)
        {
            request.Content = body as HttpContent ?? JsonContent.Create(body);
        }

        try
        {
            using var response = await _http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            var json = response.Content.Headers.ContentType?.MediaType == "application/json" && text.Length > 0 ? JsonDocument.Parse(text).RootElement.Clone() : default;
            return new RegistryAnswer(response.StatusCode, json, text);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException)
        {
            throw new RegistryUnreachableException($"the registry at {request.RequestUri!.GetLeftPart(UriPartial.Authority)} did not answer: {ex.Message}", ex);
        }
    }

    private static bool TryParseGraph(string text, out string name, out string variant)
    {
        var at = text.IndexOf('@');
        name = at < 0 ? text : text[..at];
        variant = at < 0 ? "current" : text[(at + 1)..];
        return IsName(name) && IsName(variant);
    }

    private static bool IsName(string name) =>
        name.Length is > 0 and <= 64 && char.IsAsciiLetterOrDigit(name[0]) && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    public void Dispose() => _http.Dispose();
}

/// <summary>What the registry answered: the status, the JSON body (undefined when not JSON) and the raw text.</summary>
internal sealed record RegistryAnswer(HttpStatusCode Status, JsonElement Json, string Text)
{
    public int Code => (int)Status;

    /// <summary>The registry's own explanation of a refusal.</summary>
    public string Message =>
        Json.ValueKind == JsonValueKind.Object && Json.TryGetProperty("message", out var m) ? m.GetString() ?? Text
        : Json.ValueKind == JsonValueKind.Object && Json.TryGetProperty("reason", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString()!
        : $"HTTP {Code}";
}

internal sealed class RegistryUnreachableException(string message, Exception inner) : Exception(message, inner);
