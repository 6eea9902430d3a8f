using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace FederatedGateway.FunctionalTests.Subscriptions;

/// <summary>A graphql-sse (distinct connections) test client: HttpClient with a streamed response, events read line by line.</summary>
public sealed class SseClient : IAsyncDisposable
{
    private readonly HttpResponseMessage _response;
    private readonly StreamReader _reader;

    private SseClient(HttpResponseMessage response, StreamReader reader)
    {
        _response = response;
        _reader = reader;
    }

    public HttpResponseMessage Response => _response;

    public static async Task<SseClient> PostAsync(HttpClient http, string endpoint, string query, object? variables = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, endpoint)
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query, variables }), Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        using var timeout = new CancellationTokenSource(TransportWsClient.Wait);
        var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        return new SseClient(response, new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token)));
    }

    /// <summary>The next event (name and data), skipping keep-alive comments; null at the end of the stream.</summary>
    public async Task<(string Event, string Data)?> NextEventAsync()
    {
        using var timeout = new CancellationTokenSource(TransportWsClient.Wait);
        string? name = null;
        var data = new StringBuilder();
        while (true)
        {
            var line = await _reader.ReadLineAsync(timeout.Token);
            if (line is null)
            {
                return null;
            }

            if (line.Length == 0)
            {
                if (name is not null)
                {
                    return (name, data.ToString());
                }

                continue;
            }

            if (line.StartsWith(':'))
            {
                continue;
            }

            if (line.StartsWith("event:", StringComparison.Ordinal))
            {
                name = line["event:".Length..].Trim();
            }
            else if (line.StartsWith("data:", StringComparison.Ordinal))
            {
                data.Append(line["data:".Length..].TrimStart());
            }
        }
    }

    public async Task<JsonElement> NextDataAsync()
    {
        var next = await NextEventAsync();
        Assert.True(next is not null, "The event stream ended.");
        Assert.Equal("next", next.Value.Event);
        return JsonDocument.Parse(next.Value.Data).RootElement.Clone();
    }

    public ValueTask DisposeAsync()
    {
        _reader.Dispose();
        _response.Dispose();
        return ValueTask.CompletedTask;
    }
}
