using System.Text.Json;
using FederatedGateway.Execution.Gateway;
using FederatedGateway.Execution.Requests;

namespace FederatedGateway.Execution.Tests.Gateway;

/// <summary>Projection, merging, null propagation and error handling over in-memory subgraphs.</summary>
public sealed class ExecutorTests
{
    private const string Sdl = """
        schema @link(url: "https://specs.apollo.dev/link/v1.0") @link(url: "https://specs.apollo.dev/join/v0.3", for: EXECUTION) { query: Query subscription: Subscription }
        directive @join__field(graph: join__Graph, requires: join__FieldSet, provides: join__FieldSet, type: String, external: Boolean, override: String, usedOverridden: Boolean) repeatable on FIELD_DEFINITION | INPUT_FIELD_DEFINITION
        directive @join__graph(name: String!, url: String!) on ENUM_VALUE
        directive @join__implements(graph: join__Graph!, interface: String!) repeatable on OBJECT | INTERFACE
        directive @join__type(graph: join__Graph!, key: join__FieldSet, extension: Boolean! = false, resolvable: Boolean! = true, isInterfaceObject: Boolean! = false) repeatable on OBJECT | INTERFACE | UNION | ENUM | INPUT_OBJECT | SCALAR
        directive @join__unionMember(graph: join__Graph!, member: String!) repeatable on UNION
        directive @link(url: String, as: String, for: link__Purpose, import: [link__Import]) repeatable on SCHEMA
        scalar join__FieldSet
        scalar link__Import
        enum link__Purpose { SECURITY EXECUTION }
        enum join__Graph {
          A @join__graph(name: "a", url: "http://a")
          B @join__graph(name: "b", url: "http://b")
        }
        interface Animal @join__type(graph: A) { name: String! }
        type Dog implements Animal @join__implements(graph: A, interface: "Animal") @join__type(graph: A, key: "id") @join__type(graph: B, key: "id") {
          id: ID!
          name: String! @join__field(graph: A)
          barks: Boolean! @join__field(graph: B)
          owner: String @join__field(graph: B)
        }
        type Cat implements Animal @join__implements(graph: A, interface: "Animal") @join__type(graph: A) {
          name: String!
          lives: Int
        }
        type Query @join__type(graph: A) @join__type(graph: B) {
          animals: [Animal!]! @join__field(graph: A)
          dog: Dog @join__field(graph: A)
          count: Int @join__field(graph: B)
        }
        type Subscription @join__type(graph: B) {
          counted: Int @join__field(graph: B)
        }
        """;

    private static async Task<(JsonElement Root, FakeSubgraphs Fake)> Run(FakeSubgraphs fake, string query, string variables = "{}")
    {
        var gateway = new FederatedGatewayExecutor(GatewaySnapshot.Build(Sdl, fake));
        using var vars = JsonDocument.Parse(variables);
        var result = await gateway.ExecuteAsync(new GatewayRequest { Query = query, Variables = vars.RootElement.Clone() }, CancellationToken.None);
        using var doc = JsonDocument.Parse(result.Body);
        return (doc.RootElement.Clone(), fake);
    }

    private static FakeSubgraphs Animals(string bAnswer = """{"data":{"_entities":[{"barks":true,"owner":"ann"},{"barks":false,"owner":null}]}}""") =>
        new FakeSubgraphs()
            .On("a", _ => """{"data":{"animals":[{"__typename":"Dog","id":"1","name":"Rex"},{"__typename":"Cat","name":"Tom","lives":9},{"__typename":"Dog","id":"2","name":"Fido"},{"__typename":"Dog","id":"1","name":"Rex"}],"dog":null}}""")
            .On("b", _ => bAnswer);

    [Fact]
    public async Task ProjectsOnlyTheClientSelectionWithAliasesAndFragments()
    {
        var (root, fake) = await Run(Animals(), "{ animals { kind: __typename name ... on Dog { barks } ... on Cat { lives } } }");
        Assert.Equal(
            """{"data":{"animals":[{"kind":"Dog","name":"Rex","barks":true},{"kind":"Cat","name":"Tom","lives":9},{"kind":"Dog","name":"Fido","barks":false},{"kind":"Dog","name":"Rex","barks":true}]}}""",
            root.GetRawText());

        // The two Rex objects share one representation.
        var entityRequest = fake.Requests.Single(r => r.Service == "b").Body;
        using var body = JsonDocument.Parse(entityRequest);
        Assert.Equal(2, body.RootElement.GetProperty("variables").GetProperty("representations").GetArrayLength());
    }

    [Fact]
    public async Task EntityFetchesFromSeveralPathsShareOneRequest()
    {
        var fake = new FakeSubgraphs()
            .On("a", _ => """{"data":{"animals":[{"__typename":"Dog","id":"1"},{"__typename":"Dog","id":"2"}],"dog":{"__typename":"Dog","id":"1"}}}""")
            .On("b", body => body.GetProperty("variables").GetProperty("representations").GetArrayLength() == 2
                ? """{"data":{"_entities":[{"owner":"ann"},{"owner":"bob"}]}}"""
                : """{"errors":[{"message":"expected two representations"}]}""");
        var (root, _) = await Run(fake, "{ dog { owner } animals { ... on Dog { owner } } }");
        Assert.Equal("""{"data":{"dog":{"owner":"ann"},"animals":[{"owner":"ann"},{"owner":"bob"}]}}""", root.GetRawText());
        Assert.Single(fake.Requests, r => r.Service == "b");
    }

    [Fact]
    public async Task NullInNonNullFieldNullsTheNearestNullableParent()
    {
        // barks is Boolean! but B answers null for the second dog: the list item is Animal!, so the list
        // (non-null) propagates to data.
        var fake = Animals("""{"data":{"_entities":[{"barks":true},{"barks":null}]}}""");
        var (root, _) = await Run(fake, "{ animals { ... on Dog { barks } } }");
        Assert.Equal(JsonValueKind.Null, root.GetProperty("data").ValueKind);
        var error = root.GetProperty("errors")[0];
        Assert.Equal("Cannot return null for non-nullable field Dog.barks.", error.GetProperty("message").GetString());
        Assert.Equal("""["animals",2,"barks"]""", error.GetProperty("path").GetRawText());
    }

    [Fact]
    public async Task EntityErrorsAreRepathedToClientPaths()
    {
        var fake = Animals("""{"data":{"_entities":[{"owner":"ann"},{"owner":null}]},"errors":[{"message":"no owner","path":["_entities",1,"owner"],"extensions":{"code":"NOT_FOUND"}}]}""");
        var (root, _) = await Run(fake, "{ animals { ... on Dog { owner } } }");
        Assert.Equal("""[{"owner":"ann"},{},{"owner":null},{"owner":"ann"}]""", root.GetProperty("data").GetProperty("animals").GetRawText());
        var error = root.GetProperty("errors")[0];
        Assert.Equal("""["animals",2,"owner"]""", error.GetProperty("path").GetRawText());
        Assert.Equal("NOT_FOUND", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal("b", error.GetProperty("extensions").GetProperty("serviceName").GetString());
    }

    [Fact]
    public async Task FailingSubgraphGivesPartialDataAndAnError()
    {
        var fake = new FakeSubgraphs().On("a", _ => """{"data":{"dog":{"__typename":"Dog","id":"1","name":"Rex"}}}""");
        var (root, _) = await Run(fake, "{ dog { name owner } count }");
        Assert.Equal("""{"dog":{"name":"Rex","owner":null},"count":null}""", root.GetProperty("data").GetRawText());
        var codes = root.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("extensions").GetProperty("code").GetString()).ToList();
        Assert.All(codes, c => Assert.Equal("SUBREQUEST_HTTP_ERROR", c));
        Assert.Equal(2, codes.Count);
    }

    [Fact]
    public async Task GarbageFromASubgraphIsAnErrorNotACrash()
    {
        var fake = new FakeSubgraphs().On("a", _ => "<html>oops</html>").On("b", _ => """{"data":{"count":3}}""");
        var (root, _) = await Run(fake, "{ dog { name } count }");
        Assert.Equal("""{"dog":null,"count":3}""", root.GetProperty("data").GetRawText());
        Assert.Equal("SUBREQUEST_MALFORMED_RESPONSE", root.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task SkipAndIncludeFollowVariables()
    {
        var (root, _) = await Run(Animals(), "query($s: Boolean!) { animals { name @skip(if: $s) t: __typename @include(if: $s) } }", """{"s":true}""");
        Assert.Equal("""[{"t":"Dog"},{"t":"Cat"},{"t":"Dog"},{"t":"Dog"}]""", root.GetProperty("data").GetProperty("animals").GetRawText());
    }

    [Fact]
    public async Task InvalidOperationsGiveErrorsWithCodesAndLocations()
    {
        var (root, _) = await Run(Animals(), "{ animals { nope } }");
        Assert.False(root.TryGetProperty("data", out _));
        var error = root.GetProperty("errors")[0];
        Assert.Equal("GRAPHQL_VALIDATION_FAILED", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal(1, error.GetProperty("locations")[0].GetProperty("line").GetInt32());

        (root, _) = await Run(Animals(), "{ animals { ");
        Assert.Equal("GRAPHQL_PARSE_FAILED", root.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());

        (root, _) = await Run(Animals(), "query($s: Boolean!) { count @skip(if: $s) }", """{"s":"yes"}""");
        Assert.Equal("BAD_USER_INPUT", root.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(false, false)]
    public async Task QueryPlanIsReturnedOnlyWhenAskedAndAllowed(bool exposed, bool returned)
    {
        var gateway = new FederatedGatewayExecutor(GatewaySnapshot.Build(Sdl, Animals())) { ExposeQueryPlan = exposed };
        using var extensions = JsonDocument.Parse("""{"queryPlan":true}""");
        var result = await gateway.ExecuteAsync(new GatewayRequest { Query = "{ dog { name owner } }", Extensions = extensions.RootElement }, CancellationToken.None);
        using var body = JsonDocument.Parse(result.Body);
        Assert.Equal(returned, body.RootElement.TryGetProperty("extensions", out var ext));
        if (returned)
        {
            var text = ext.GetProperty("queryPlan").GetProperty("text").GetString()!;
            Assert.StartsWith("QueryPlan {", text);
            Assert.Contains("Flatten(path: \"dog\")", text);
            var plan = ext.GetProperty("queryPlan").GetProperty("object");
            Assert.Equal("queryPlan", plan.GetProperty("kind").GetString());
            var steps = plan.GetProperty("node").GetProperty("nodes");
            Assert.Equal("fetch", steps[0].GetProperty("kind").GetString());
            Assert.Equal("a", steps[0].GetProperty("serviceName").GetString());
            Assert.Equal("flatten", steps[1].GetProperty("kind").GetString());
            Assert.Equal("""[["dog"]]""", steps[1].GetProperty("paths").GetRawText());
            Assert.Equal("b", steps[1].GetProperty("node").GetProperty("serviceName").GetString());
            Assert.Equal("owner", steps[1].GetProperty("node").GetProperty("selectionSet")[0].GetProperty("selectionSet")[0].GetProperty("name").GetString());
        }
    }

    [Fact]
    public async Task AQueryPlanComesWithWhenEachFetchRanAndHowItEnded()
    {
        // The entity fetch waits for the root fetch's answer, which takes at least 60 ms; the entity subgraph fails.
        var fake = new FakeSubgraphs()
            .On("a", _ => """{"data":{"dog":{"__typename":"Dog","id":"1","name":"Rex"}}}""", TimeSpan.FromMilliseconds(60))
            .Respond("b", () => FakeSubgraphs.Body("busy", 503));
        var gateway = new FederatedGatewayExecutor(GatewaySnapshot.Build(Sdl, fake)) { ExposeQueryPlan = true };
        using var extensions = JsonDocument.Parse("""{"queryPlan":true}""");

        var result = await gateway.ExecuteAsync(new GatewayRequest { Query = "{ dog { name owner } }", Extensions = extensions.RootElement }, CancellationToken.None);

        using var body = JsonDocument.Parse(result.Body);
        var queryPlan = body.RootElement.GetProperty("extensions").GetProperty("queryPlan");
        var steps = queryPlan.GetProperty("object").GetProperty("node").GetProperty("nodes");
        var timings = queryPlan.GetProperty("timings");
        var fetches = timings.GetProperty("fetches").EnumerateArray().ToArray();
        Assert.Equal(2, fetches.Length);
        var (root, entities) = (fetches[0], fetches[1]);
        Assert.Equal(steps[0].GetProperty("id").GetInt32(), root.GetProperty("id").GetInt32());
        Assert.Equal(steps[1].GetProperty("node").GetProperty("id").GetInt32(), entities.GetProperty("id").GetInt32());
        Assert.Equal(["a", "b"], fetches.Select(f => f.GetProperty("serviceName").GetString()));
        Assert.InRange(root.GetProperty("durationMs").GetDouble(), 55, 60_000);
        Assert.True(entities.GetProperty("startMs").GetDouble() >= root.GetProperty("startMs").GetDouble() + root.GetProperty("durationMs").GetDouble());
        Assert.True(timings.GetProperty("totalMs").GetDouble() >= entities.GetProperty("startMs").GetDouble() + entities.GetProperty("durationMs").GetDouble());
        Assert.Equal(("ok", 200), (root.GetProperty("outcome").GetString(), root.GetProperty("status").GetInt32()));
        Assert.Equal(503, entities.GetProperty("status").GetInt32());
        Assert.NotEqual("ok", entities.GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task SubscriptionsOverPlainHttpGetAClearError()
    {
        var fake = new FakeSubgraphs();
        var (root, _) = await Run(fake, "subscription { counted }");
        Assert.Equal("SUBSCRIPTIONS_NOT_SUPPORTED", root.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.Empty(fake.Requests);
    }

    [Fact]
    public async Task IntrospectionIsAnsweredByTheGateway()
    {
        var fake = new FakeSubgraphs();
        var (root, _) = await Run(fake, "{ __typename __type(name: \"Dog\") { name fields { name } } }");
        Assert.Equal("Query", root.GetProperty("data").GetProperty("__typename").GetString());
        Assert.Equal("Dog", root.GetProperty("data").GetProperty("__type").GetProperty("name").GetString());
        Assert.Empty(fake.Requests);
    }
}
