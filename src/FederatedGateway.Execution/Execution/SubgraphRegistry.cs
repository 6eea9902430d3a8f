using FederatedGateway.Core.Schema;
using FederatedGateway.Execution.Transport;

namespace FederatedGateway.Execution.Execution;

/// <summary>Where each subgraph lives and which client talks to it (URL overrides applied).</summary>
public sealed class SubgraphRegistry
{
    private readonly Dictionary<string, (string Url, ISubgraphClient Client)> _entries = new(StringComparer.Ordinal);

    public SubgraphRegistry(FederatedSchema schema, ISubgraphClient client, IReadOnlyDictionary<string, string>? urlOverrides = null)
    {
        foreach (var subgraph in schema.Subgraphs)
        {
            var url = urlOverrides is not null && urlOverrides.TryGetValue(subgraph.Name, out var overridden) ? overridden : subgraph.Url;
            _entries[subgraph.Name] = (url, client);
        }
    }

    public (string Url, ISubgraphClient Client) Get(string serviceName) =>
        _entries.TryGetValue(serviceName, out var entry)
            ? entry
            : throw new InvalidOperationException($"Unknown subgraph \"{serviceName}\".");
}
