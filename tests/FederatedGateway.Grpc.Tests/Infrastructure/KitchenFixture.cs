using FederatedGateway.Grpc.Composition;
using FederatedGateway.Grpc.Sources;
using FederatedGateway.Grpc.Tests.Services;
using Microsoft.AspNetCore.Builder;

namespace FederatedGateway.Grpc.Tests.Infrastructure;

/// <summary>The kitchen-sink service on loopback behind a gateway that knows it from its generated descriptors.</summary>
public sealed class KitchenFixture : IAsyncLifetime
{
    public GrpcTestServer Server { get; private set; } = null!;

    /// <summary>The service translated in the mirror style (the codec tests' RPC names).</summary>
    public TestGateway Gateway { get; private set; } = null!;

    /// <summary>The same service translated in the idiomatic style.</summary>
    public TestGateway Idiomatic { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await GrpcTestServer.StartAsync(app => app.MapGrpcService<KitchenService>());
        Gateway = Create(TestSchemas.Kitchen());
        Idiomatic = Create(TestSchemas.Kitchen(Translation.TranslationOptions.Default));
    }

    private TestGateway Create(Translation.GrpcSchema schema) =>
        new([GrpcSubgraphSources.Create("kitchen", Server.Url, schema)], new GrpcSourceRegistry().Add("kitchen", schema, Server.Url));

    public async Task DisposeAsync()
    {
        Gateway.Dispose();
        Idiomatic.Dispose();
        await Server.DisposeAsync();
    }
}
