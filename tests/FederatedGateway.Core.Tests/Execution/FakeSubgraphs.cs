using System.Buffers;
using System.Text;
using System.Text.Json;
using FederatedGateway.Execution.Transport;

namespace FederatedGateway.Core.Tests.Execution;

/// <summary>In-memory subgraphs for executor unit tests: each answers with a function of the request body.</summary>
internal sealed class FakeSubgraphs : ISubgraphClient
{
    private readonly Dictionary<string, Func<JsonElement, string>> _handlers = new(StringComparer.Ordinal);

    public List<(string Service, string Body)> Requests { get; } = new();

    public FakeSubgraphs On(string service, Func<JsonElement, string> handler)
    {
        _handlers[service] = handler;
        return this;
    }

    public ValueTask<SubgraphResponse> SendAsync(SubgraphRequest request, CancellationToken cancellationToken)
    {
        var body = Encoding.UTF8.GetString(request.Body.Span);
        lock (Requests)
        {
            Requests.Add((request.ServiceName, body));
        }

        if (!_handlers.TryGetValue(request.ServiceName, out var handler))
        {
            return ValueTask.FromResult(SubgraphResponse.Failed("connection refused", "SUBREQUEST_HTTP_ERROR"));
        }

        using var doc = JsonDocument.Parse(body);
        var answer = Encoding.UTF8.GetBytes(handler(doc.RootElement));
        var rented = ArrayPool<byte>.Shared.Rent(Math.Max(answer.Length, 1));
        answer.CopyTo(rented, 0);
        return ValueTask.FromResult(SubgraphResponse.FromBody(rented, answer.Length, 200));
    }
}
