using System.Text.Json;
using FederatedGateway.Core.Composition;
using FederatedGateway.Execution.Gateway;
using FederatedGateway.Execution.Requests;
using FederatedGateway.Execution.Sources;
using FederatedGateway.Execution.Subscriptions;
using FederatedGateway.Execution.Transport;
using FederatedGateway.Grpc.Client;
using FederatedGateway.Grpc.Sources;
using Microsoft.Extensions.Logging;

namespace FederatedGateway.Grpc.Tests.Infrastructure;

/// <summary>Composes subgraphs (gRPC ones translated) and runs operations through the real executor.</summary>
public sealed class TestGateway : IDisposable
{
    private readonly FederatedGatewayExecutor _executor;
    private readonly GrpcSubgraphClient _grpc;

    public TestGateway(
        IReadOnlyList<SubgraphSource> subgraphs, GrpcSourceRegistry sources, ISubgraphClient? http = null, GrpcSubgraphClientOptions? options = null, ILogger? logger = null)
    {
        var composed = SupergraphComposer.Compose(subgraphs);
        Assert.True(composed.Succeeded, string.Join("\n", composed.Errors.Select(e => e.ToString())));
        Supergraph = composed.SupergraphSdl!;
        _grpc = new GrpcSubgraphClient(sources, options, logger: logger);
        var grpc = _grpc;
        ISubgraphClientFactory[] kinds = [new HttpSubgraphClientFactory(() => http ?? new HttpSubgraphClient(), () => new WebSocketSubgraphSubscriber()), new GrpcSubgraphClientFactory(() => grpc)];
        _executor = new FederatedGatewayExecutor(GatewaySnapshot.Build(Supergraph, kinds)) { ExposeQueryPlan = true };
    }

    public string Supergraph { get; }

    public async Task<JsonElement> QueryAsync(string query, string? variables = null, IReadOnlyList<KeyValuePair<string, string>>? headers = null)
    {
        using var vars = JsonDocument.Parse(variables ?? "{}");
        var result = await _executor.ExecuteAsync(
            new GatewayRequest { Query = query, Variables = vars.RootElement.Clone(), ForwardHeaders = headers }, CancellationToken.None);
        return JsonDocument.Parse(result.Body).RootElement.Clone();
    }

    public void Dispose() => _grpc.Dispose();
}
