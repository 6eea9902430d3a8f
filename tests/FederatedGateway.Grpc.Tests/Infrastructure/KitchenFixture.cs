using FederatedGateway.Grpc.Composition;
using FederatedGateway.Grpc.Sources;
using FederatedGateway.Grpc.Tests.Services;
using Microsoft.AspNetCore.Builder;

namespace FederatedGateway.Grpc.Tests.Infrastructure;

/// <summary>The kitchen-sink service on loopback behind a gateway that knows it from its generated descriptors.</summary>
public sealed class KitchenFixture : IAsyncLifetime
{
    public GrpcTestServer Server { get; private set; } = null!;

    public TestGateway Gateway { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await GrpcTestServer.StartAsync(app => app.MapGrpcService<KitchenService>());
        var schema = TestSchemas.Kitchen();
        var sources = new GrpcSourceRegistry().Add("kitchen", schema, Server.Url);
        Gateway = new TestGateway([GrpcSubgraphSources.Create("kitchen", Server.Url, schema)], sources);
    }

    public async Task DisposeAsync()
    {
        Gateway.Dispose();
        await Server.DisposeAsync();
    }
}
