using FederatedGateway.Demo;
using FederatedGateway.Demo.Apis;
using FederatedGateway.Demo.Grpc;
using FederatedGateway.Demo.Security;
using FederatedGateway.FunctionalTests.Infrastructure;
using Microsoft.AspNetCore.Builder;

namespace FederatedGateway.FunctionalTests.Demo;

/// <summary>
/// The whole demo as <c>dotnet run --project src/FederatedGateway.Demo</c> starts it, on ports the OS chooses: the
/// GraphQL subgraphs, the gRPC services, the REST settlement and SOAP FX services, its JWT issuer, and the gateway
/// over the secured supergraph. One instance per test class.
/// </summary>
public sealed class FullDemoFixture : IAsyncLifetime
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "fgw-full-demo-" + Guid.NewGuid().ToString("N"));
    private DemoIssuer _issuer = null!;
    private DemoSubgraphHost _subgraphs = null!;
    private DemoGrpcHost _grpc = null!;
    private WebApplication _gateway = null!;

    public DemoApiHost Apis { get; private set; } = null!;

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

    public string Address => DemoGateway.Address(_gateway);

    public async Task InitializeAsync()
    {
        _issuer = DemoIssuer.Open(_dataDirectory);
        _subgraphs = await DemoSubgraphs.StartAsync(DemoPorts.Ephemeral);
        _grpc = await DemoGrpcServices.StartAsync(DemoGrpcPorts.Ephemeral);
        Apis = await DemoApiServices.StartAsync(DemoApiPorts.Ephemeral);
        _gateway = await DemoGateway.StartAsync(
            _subgraphs, "http://127.0.0.1:0", supergraphPath: DemoGateway.SecuredSupergraphPath, grpc: _grpc, issuer: _issuer, apis: Apis);
    }

    public async Task DisposeAsync()
    {
        await _gateway.StopAsync();
        await _gateway.DisposeAsync();
        await Apis.DisposeAsync();
        await _grpc.DisposeAsync();
        await _subgraphs.DisposeAsync();
        _issuer.Dispose();
        Http.Dispose();
        Directory.Delete(_dataDirectory, recursive: true);
    }

    /// <summary>The query as <paramref name="trader"/> (a demo login such as <c>alice</c>, with its token), or anonymously.</summary>
    public async Task<GraphQLHttpResponse> PostAsync(string query, string? trader = null)
    {
        var headers = new Dictionary<string, string>();
        if (trader is not null)
        {
            headers["authorization"] = "Bearer " + await Http.GetStringAsync($"{Address}/demo/token?trader={trader}");
        }

        return await GraphQLHttp.PostAsync(Http, Address + "/graphql", query, headers: headers);
    }
}
