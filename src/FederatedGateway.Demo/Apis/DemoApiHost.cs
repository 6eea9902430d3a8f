using FederatedGateway.Demo.Hosting;
using Microsoft.AspNetCore.Builder;

namespace FederatedGateway.Demo.Apis;

/// <summary>
/// The running demo REST and SOAP services (HTTP/1.1 on 127.0.0.1), at the URLs the gateway calls: the REST base URL,
/// the SOAP address. Disposing stops them.
/// </summary>
public sealed class DemoApiHost : DemoServiceGroup
{
    /// <summary>The subgraph name of the REST settlement service.</summary>
    public const string Settlement = "settlement";

    /// <summary>The subgraph name of the SOAP FX rates service.</summary>
    public const string Fx = "fx";

    internal DemoApiHost(IReadOnlyList<DemoSubgraphEndpoint> services, IReadOnlyList<WebApplication> apps, DemoApiCalls calls)
        : base(services, apps) => Calls = calls;

    public DemoApiCalls Calls { get; }
}
