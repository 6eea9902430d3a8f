using FederatedGateway.Demo;
using FederatedGateway.Demo.Grpc;
using Microsoft.AspNetCore.Builder;

namespace FederatedGateway.Grpc.Tests.Infrastructure;

/// <summary>
/// The whole demo on ephemeral loopback ports: its GraphQL subgraphs, its gRPC services and the real gateway host over
/// both, with an HTTP client addressed to the gateway.
/// </summary>
public sealed class DemoGrpcStack : IAsyncDisposable
{
    private DemoGrpcStack(DemoSubgraphHost subgraphs, DemoGrpcHost grpc, WebApplication gateway)
    {
        Subgraphs = subgraphs;
        Grpc = grpc;
        Gateway = gateway;
        Http = new HttpClient { BaseAddress = new Uri(DemoGateway.Address(gateway)) };
    }

    public DemoSubgraphHost Subgraphs { get; }

    public DemoGrpcHost Grpc { get; }

    public WebApplication Gateway { get; }

    /// <summary>A client whose relative URLs go to the gateway.</summary>
    public HttpClient Http { get; }

    public static async Task<DemoGrpcStack> StartAsync()
    {
        var subgraphs = await DemoSubgraphs.StartAsync(DemoPorts.Ephemeral);
        var grpc = await DemoGrpcServices.StartAsync(DemoGrpcPorts.Ephemeral);
        return new DemoGrpcStack(subgraphs, grpc, await DemoGateway.StartAsync(subgraphs, "http://127.0.0.1:0", grpc: grpc));
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Gateway.StopAsync();
        await Gateway.DisposeAsync();
        await Grpc.DisposeAsync();
        await Subgraphs.DisposeAsync();
    }
}
