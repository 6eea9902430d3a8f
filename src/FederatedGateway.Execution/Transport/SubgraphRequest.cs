using FederatedGateway.Execution.Compilation;

namespace FederatedGateway.Execution.Transport;

/// <summary>One request to a subgraph: the GraphQL-over-HTTP JSON body, already encoded as UTF-8.</summary>
public sealed class SubgraphRequest
{
    public SubgraphRequest(string serviceName, string url, ReadOnlyMemory<byte> body)
    {
        ServiceName = serviceName;
        Url = url;
        Body = body;
    }

    /// <summary>The subgraph's name from the supergraph (<c>@join__graph(name:)</c>).</summary>
    public string ServiceName { get; }

    /// <summary>The subgraph's URL (after configuration overrides).</summary>
    public string Url { get; }

    /// <summary><c>{"query":…,"variables":…}</c> as UTF-8 JSON.</summary>
    public ReadOnlyMemory<byte> Body { get; }

    /// <summary>Headers to forward (already filtered by policy); may be null.</summary>
    public IReadOnlyList<KeyValuePair<string, string>>? Headers { get; init; }

    /// <summary>
    /// The compiled fetch this request is for (null for requests made outside a plan): a source may keep what it
    /// compiles for the fetch in its <see cref="CompiledFetch.SourceState"/>.
    /// </summary>
    public CompiledFetch? Fetch { get; init; }
}
