using System.Text.Json;
using FederatedGateway.Execution.Gateway;
using FederatedGateway.Execution.Requests;
using FederatedGateway.Execution.Sources;
using FederatedGateway.Execution.Subscriptions;
using FederatedGateway.Execution.Transport;
using static FederatedGateway.Execution.Tests.TestGraph;

namespace FederatedGateway.Execution.Tests.Sources;

/// <summary>
/// Each subgraph is served by the first source kind that can handle it: a new kind joins by being registered (no
/// change to the executor), a subgraph no kind can serve fails only its own fetches, clearly.
/// </summary>
public sealed class SubgraphSourceTests
{
    private const string DogAnswer = """{"data":{"dog":{"name":"Rex"}}}""";
    private const string CountAnswer = """{"data":{"count":7}}""";

    /// <summary>A source kind of its own: serves subgraphs whose URL has its scheme.</summary>
    private sealed class SchemeSource(string scheme, ISubgraphClient client) : ISubgraphClientFactory
    {
        public string Kind => scheme;

        public bool CanHandle(SubgraphEndpoint subgraph) => subgraph.Url.StartsWith(scheme + "://", StringComparison.Ordinal);

        public ISubgraphClient GetClient(SubgraphEndpoint subgraph) => client;

        public ISubgraphSubscriber? GetSubscriber(SubgraphEndpoint subgraph) => null;
    }

    private static async Task<JsonElement> Query(GatewaySnapshot snapshot, string query)
    {
        using var result = await new FederatedGatewayExecutor(snapshot).ExecuteAsync(new GatewayRequest { Query = query }, CancellationToken.None);
        using var document = JsonDocument.Parse(result.Body);
        return document.RootElement.Clone();
    }

    [Fact]
    public async Task ANewSourceKindServesItsSubgraphsNextToTheOthers()
    {
        var http = new FakeSubgraphs().On("a", DogAnswer);
        var other = new FakeSubgraphs().On("b", CountAnswer);
        var snapshot = GatewaySnapshot.Build(
            Sdl, [new SchemeSource("http", http), new SchemeSource("static", other)], new Dictionary<string, string> { ["b"] = "static://b" });

        var response = await Query(snapshot, "{ dog { name } count }");

        Assert.Equal("""{"dog":{"name":"Rex"},"count":7}""", Data(response));
        Assert.Equal(["a"], http.Requests.Select(r => r.Service));
        Assert.Equal(["b"], other.Requests.Select(r => r.Service));
        Assert.Equal("static", snapshot.Executor.Subgraphs.Route("b").SourceKind);
    }

    [Fact]
    public async Task TheFirstSourceThatCanHandleASubgraphServesIt()
    {
        var first = new FakeSubgraphs().On("a", DogAnswer);
        var second = new FakeSubgraphs().On("a", DogAnswer);
        var snapshot = GatewaySnapshot.Build(Sdl, [new SchemeSource("http", first), new SchemeSource("http", second)]);

        await Query(snapshot, "{ dog { name } }");

        Assert.Single(first.Requests);
        Assert.Empty(second.Requests);
    }

    [Fact]
    public async Task ASubgraphNoSourceServesFailsOnlyItsOwnFetches()
    {
        var http = new FakeSubgraphs().On("a", DogAnswer);
        var snapshot = GatewaySnapshot.Build(Sdl, [new SchemeSource("http", http)], new Dictionary<string, string> { ["b"] = "ftp://b" });

        var response = await Query(snapshot, "{ dog { name } count }");

        Assert.Equal("""{"dog":{"name":"Rex"},"count":null}""", Data(response));
        var error = Assert.Single(Errors(response));
        Assert.Equal("SUBGRAPH_SOURCE_UNKNOWN", Code(error));
        Assert.Contains("\"b\"", error.GetProperty("message").GetString());
        Assert.Contains("(http)", error.GetProperty("message").GetString());
    }

    [Fact]
    public void TheHttpSourceTakesHttpAndHttpsUrlsOnly()
    {
        var source = new HttpSubgraphClientFactory();
        Assert.True(source.CanHandle(new SubgraphEndpoint("a", "http://127.0.0.1:1/graphql")));
        Assert.True(source.CanHandle(new SubgraphEndpoint("a", "https://127.0.0.1:1/graphql")));
        Assert.False(source.CanHandle(new SubgraphEndpoint("a", "grpc://127.0.0.1:1")));
        Assert.False(source.CanHandle(new SubgraphEndpoint("a", "not a url")));
    }
}
