using Microsoft.AspNetCore.Builder;

namespace FederatedGateway.Demo.Hosting;

/// <summary>
/// Demo services started together, each its own Kestrel app on 127.0.0.1 (the gRPC services; the REST and SOAP
/// services), known by their subgraph names. Disposing stops them.
/// </summary>
public abstract class DemoServiceGroup : IAsyncDisposable
{
    private readonly IReadOnlyList<WebApplication> _apps;

    private protected DemoServiceGroup(IReadOnlyList<DemoSubgraphEndpoint> services, IReadOnlyList<WebApplication> apps)
    {
        Services = services;
        _apps = apps;
    }

    /// <summary>Each service's subgraph name and the URL the gateway calls it at.</summary>
    public IReadOnlyList<DemoSubgraphEndpoint> Services { get; }

    /// <summary>The URL of the service with the given subgraph name.</summary>
    public Uri GetUrl(string service) =>
        Services.FirstOrDefault(s => s.Name == service)?.Url ?? throw new ArgumentException($"No demo service is named '{service}'.", nameof(service));

    public ValueTask DisposeAsync() => new(DemoApps.StopAndDisposeAsync(_apps));
}
