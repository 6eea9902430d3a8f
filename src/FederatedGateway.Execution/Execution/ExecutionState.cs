using System.Text.Json;
using FederatedGateway.Execution.Transport;

namespace FederatedGateway.Execution.Execution;

/// <summary>Everything one request's execution accumulates; disposed once the response is written.</summary>
internal sealed class ExecutionState : IDisposable
{
    private readonly List<IDisposable> _owned = new();

    public ExecutionState(JsonElement variables, IReadOnlyDictionary<string, bool> booleans, IReadOnlyList<KeyValuePair<string, string>>? headers)
    {
        Variables = variables;
        Booleans = booleans;
        Headers = headers;
    }

    public ResultObject Data { get; } = new();

    public List<GatewayError> Errors { get; } = new();

    public JsonElement Variables { get; }

    public IReadOnlyDictionary<string, bool> Booleans { get; }

    public IReadOnlyList<KeyValuePair<string, string>>? Headers { get; }

    /// <summary>Keeps a subgraph answer (and its parsed document) alive until the response is written.</summary>
    public void Own(SubgraphResponse response, JsonDocument document)
    {
        lock (_owned)
        {
            _owned.Add(document);
            _owned.Add(response);
        }
    }

    public void AddError(GatewayError error)
    {
        lock (Errors)
        {
            Errors.Add(error);
        }
    }

    public void Dispose()
    {
        foreach (var item in _owned)
        {
            item.Dispose();
        }

        _owned.Clear();
    }
}
