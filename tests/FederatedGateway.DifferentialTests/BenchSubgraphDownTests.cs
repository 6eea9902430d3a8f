using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using FederatedGateway.DifferentialTests.Bench;
using FederatedGateway.Execution.Gateway;
using FederatedGateway.Execution.Requests;
using FederatedGateway.Execution.Transport;

namespace FederatedGateway.DifferentialTests;

/// <summary>
/// Issue 14, class H: with a subgraph down, the error sits at each field that became null (as Apollo Router puts
/// it), under the client's response names, not at the path of the objects the failed fetch was for.
/// </summary>
public sealed class BenchSubgraphDownTests : IAsyncLifetime
{
    private Hosting.SubgraphServers? _host;
    private FederatedGatewayExecutor? _gateway;

    public async Task InitializeAsync()
    {
        _host = await BenchSubgraphs.StartAsync();
        var urls = new Dictionary<string, string>(_host.Urls) { ["reviews"] = $"http://127.0.0.1:{ClosedPort()}/graphql" };
        var sdl = await File.ReadAllTextAsync(BenchSubgraphs.SupergraphPath);
        _gateway = new FederatedGatewayExecutor(GatewaySnapshot.Build(sdl, new HttpSubgraphClient(), urls));
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private async Task<JsonObject> Run(string query)
    {
        var result = await _gateway!.ExecuteAsync(new GatewayRequest { Query = query, Variables = JsonDocument.Parse("{}").RootElement }, CancellationToken.None);
        return JsonNode.Parse(result.Body.Span)!.AsObject();
    }

    private static List<string> Paths(JsonObject response) =>
        response["errors"]!.AsArray().Select(e => e!["path"]?.ToJsonString() ?? "none").ToList();

    [Fact]
    public async Task H_the_error_of_a_failed_entity_fetch_sits_at_the_field_it_left_null()
    {
        var response = await Run("{ me { name reviews { id } } }");
        Assert.Equal("""{"me":{"name":"Uri Goldshtein","reviews":null}}""", response["data"]!.ToJsonString());
        Assert.Equal(new[] { """["me","reviews"]""" }, Paths(response));
        Assert.Equal("SUBREQUEST_HTTP_ERROR", (string?)response["errors"]![0]!["extensions"]!["code"]);
    }

    [Fact]
    public async Task H_over_a_list_each_object_gets_the_error_at_each_of_its_fields_under_the_clients_names()
    {
        var response = await Run("{ topProducts(first: 2) { name upc: reviews { id } __typename: reviews { body } } }");
        Assert.Equal("""{"topProducts":[{"name":"Table","upc":null,"__typename":null},{"name":"Couch","upc":null,"__typename":null}]}""", response["data"]!.ToJsonString());
        Assert.Equal(
            new[] { """["topProducts",0,"upc"]""", """["topProducts",0,"__typename"]""", """["topProducts",1,"upc"]""", """["topProducts",1,"__typename"]""" },
            Paths(response));
    }
}
