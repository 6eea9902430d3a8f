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
    private string _sdl = "";

    public async Task InitializeAsync()
    {
        _host = await BenchSubgraphs.StartAsync();
        _sdl = await File.ReadAllTextAsync(BenchSubgraphs.SupergraphPath);
    }

    /// <summary>A gateway over the benchmark graph whose subgraph <paramref name="down"/> refuses connections.</summary>
    private FederatedGatewayExecutor GatewayWithout(string down)
    {
        var urls = new Dictionary<string, string>(_host!.Urls) { [down] = $"http://127.0.0.1:{ClosedPort()}/graphql" };
        return new FederatedGatewayExecutor(GatewaySnapshot.Build(_sdl, new HttpSubgraphClient(), urls));
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

    private async Task<JsonObject> Run(string query, string down = "reviews")
    {
        var result = await GatewayWithout(down).ExecuteAsync(new GatewayRequest { Query = query, Variables = JsonDocument.Parse("{}").RootElement }, CancellationToken.None);
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

    [Fact]
    public async Task H_fields_the_planner_fetched_for_a_later_fetch_carry_no_error_the_client_did_not_ask_for()
    {
        // products is down: it was to give price and weight, which inventory's shippingEstimate @requires.
        var response = await Run("{ me { reviews { product { upc shippingEstimate } } } }", down: "products");
        var paths = Paths(response);
        Assert.NotEmpty(paths);
        Assert.DoesNotContain(paths, p => p.Contains("\"price\"", StringComparison.Ordinal) || p.Contains("\"weight\"", StringComparison.Ordinal));
        Assert.All(response["errors"]!.AsArray(), e => Assert.Equal("products", (string?)e!["extensions"]!["serviceName"]));
        Assert.Contains("\"shippingEstimate\":null", response["data"]!.ToJsonString(), StringComparison.Ordinal);
    }
}
