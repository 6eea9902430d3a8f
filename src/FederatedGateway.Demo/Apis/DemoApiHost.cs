using FederatedGateway.Demo.Hosting;
using Microsoft.AspNetCore.Builder;

namespace FederatedGateway.Demo.Apis;

/// <summary>The running demo REST and SOAP services (HTTP/1.1 on 127.0.0.1). Disposing stops them.</summary>
public sealed class DemoApiHost : IAsyncDisposable
{
    /// <summary>The subgraph name of the REST settlement service.</summary>
    public const string Settlement = "settlement";

    /// <summary>The subgraph name of the SOAP FX rates service.</summary>
    public const string Fx = "fx";

    private readonly IReadOnlyList<WebApplication> _apps;

    internal DemoApiHost(IReadOnlyList<DemoSubgraphEndpoint> services, IReadOnlyList<WebApplication> apps, DemoApiCalls calls)
    {
        Services = services;
        _apps = apps;
        Calls = calls;
    }

    /// <summary>Each service's subgraph name and the URL the gateway calls it at (the REST base URL, the SOAP address).</summary>
    public IReadOnlyList<DemoSubgraphEndpoint> Services { get; }

    public DemoApiCalls Calls { get; }

    /// <summary>The URL of the named service (<see cref="Settlement"/>, <see cref="Fx"/>).</summary>
    public Uri GetUrl(string service) =>
        Services.FirstOrDefault(s => s.Name == service)?.Url ?? throw new ArgumentException($"No demo service is named '{service}'.", nameof(service));

    public ValueTask DisposeAsync() => new(DemoApps.StopAndDisposeAsync(_apps));
}
