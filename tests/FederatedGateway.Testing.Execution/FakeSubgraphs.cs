using System.Buffers;
using System.Text;
using System.Text.Json;
using FederatedGateway.Execution.Transport;

namespace FederatedGateway.Testing.Execution;

/// <summary>
/// In-memory subgraphs: each answers with a function of the request body (as text, so tests write JSON
/// literally), optionally after a delay; a service without a handler is "down".
/// </summary>
public sealed class FakeSubgraphs : ISubgraphClient
{
    private readonly Dictionary<string, Func<JsonElement, string>> _handlers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TimeSpan> _delays = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Func<SubgraphResponse>> _responses = new(StringComparer.Ordinal);

    public List<(string Service, string Body)> Requests { get; } = new();

    public FakeSubgraphs On(string service, Func<JsonElement, string> handler, TimeSpan delay = default)
    {
        _handlers[service] = handler;
        _delays[service] = delay;
        return this;
    }

    public FakeSubgraphs On(string service, string answer, TimeSpan delay = default) => On(service, _ => answer, delay);

    /// <summary>Answers with a prepared response (transport failures, status codes).</summary>
    public FakeSubgraphs Respond(string service, Func<SubgraphResponse> response)
    {
        _responses[service] = response;
        return this;
    }

    public IEnumerable<JsonElement> BodiesFor(string service)
    {
        foreach (var (s, body) in Requests)
        {
            if (s == service)
            {
                yield return JsonDocument.Parse(body).RootElement;
            }
        }
    }

    public async ValueTask<SubgraphResponse> SendAsync(SubgraphRequest request, CancellationToken cancellationToken)
    {
        var body = Encoding.UTF8.GetString(request.Body.Span);
        lock (Requests)
        {
            Requests.Add((request.ServiceName, body));
        }

        if (_responses.TryGetValue(request.ServiceName, out var prepared))
        {
            return prepared();
        }

        if (!_handlers.TryGetValue(request.ServiceName, out var handler))
        {
            return SubgraphResponse.Failed($"connection refused ({request.Url})", SubgraphFailureCodes.HttpError);
        }

        if (_delays[request.ServiceName] > TimeSpan.Zero)
        {
            await Task.Delay(_delays[request.ServiceName], cancellationToken);
        }

        using var doc = JsonDocument.Parse(body);
        return Body(handler(doc.RootElement));
    }

    public static SubgraphResponse Body(string text, int status = 200)
    {
        var answer = Encoding.UTF8.GetBytes(text);
        var rented = ArrayPool<byte>.Shared.Rent(Math.Max(answer.Length, 1));
        answer.CopyTo(rented, 0);
        return SubgraphResponse.FromBody(rented, answer.Length, status);
    }
}
