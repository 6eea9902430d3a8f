using FederatedGateway.Execution.Requests;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace FederatedGateway.AspNetCore.Tests.Infrastructure;

/// <summary>One gateway HTTP layer on Kestrel, backed by a <see cref="FakeGatewayExecutor"/>, shared by a test class.</summary>
public sealed class GatewayHostFixture : IAsyncLifetime
{
    public FakeGatewayExecutor Executor { get; } = new();

    public KestrelHost Host { get; private set; } = null!;

    public static Task<KestrelHost> StartGatewayAsync(IGatewayExecutor? executor, IDictionary<string, string?>? configuration = null) =>
        KestrelHost.StartAsync(
            (services, config) =>
            {
                services.AddFederatedGateway(config);
                if (executor is not null)
                {
                    services.AddSingleton(executor);
                }
            },
            app => app.MapFederatedGateway("/graphql"),
            configuration);

    public async Task InitializeAsync() => Host = await StartGatewayAsync(Executor).ConfigureAwait(false);

    public async Task DisposeAsync() => await Host.DisposeAsync().ConfigureAwait(false);
}
