using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace FederatedGateway.FunctionalTests.Infrastructure;

/// <summary>GraphQL over HTTP from the client's side: POST or GET a request, read the answer.</summary>
public static class GraphQLHttp
{
    public const string GraphQLResponseJson = "application/graphql-response+json";

    public static async Task<GraphQLHttpResponse> PostAsync(
        HttpClient http, string endpoint, string query, object? variables = null, string? operationName = null,
        string accept = "application/json", IReadOnlyDictionary<string, string>? headers = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint)
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query, operationName, variables }), Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.Add(MediaTypeWithQualityHeaderValue.Parse(accept));
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.Add(name, value);
        }

        return await SendAsync(http, request);
    }

    /// <summary>POSTs <paramref name="body"/> exactly as given (bytes the JSON serializer would never write).</summary>
    public static async Task<GraphQLHttpResponse> PostBytesAsync(
        HttpClient http, string endpoint, byte[] body, string accept = "application/json")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json");
        request.Headers.Accept.Add(MediaTypeWithQualityHeaderValue.Parse(accept));
        return await SendAsync(http, request);
    }

    /// <summary>GETs <paramref name="endpoint"/> with <paramref name="queryString"/> (already escaped) appended.</summary>
    public static async Task<GraphQLHttpResponse> GetRawAsync(HttpClient http, string endpoint, string queryString, string accept = "application/json")
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, endpoint + "?" + queryString);
        request.Headers.Accept.Add(MediaTypeWithQualityHeaderValue.Parse(accept));
        return await SendAsync(http, request);
    }

    public static async Task<GraphQLHttpResponse> GetAsync(
        HttpClient http, string endpoint, string query, object? variables = null, string accept = "application/json")
    {
        var uri = endpoint + "?query=" + Uri.EscapeDataString(query);
        if (variables is not null)
        {
            uri += "&variables=" + Uri.EscapeDataString(JsonSerializer.Serialize(variables));
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.Accept.Add(MediaTypeWithQualityHeaderValue.Parse(accept));
        return await SendAsync(http, request);
    }

    private static async Task<GraphQLHttpResponse> SendAsync(HttpClient http, HttpRequestMessage request)
    {
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        JsonElement body;
        try
        {
            using var document = JsonDocument.Parse(text);
            body = document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw new Xunit.Sdk.XunitException($"HTTP {(int)response.StatusCode}: the body is not JSON ({ex.Message}): {text}");
        }

        return new GraphQLHttpResponse((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, body);
    }
}
