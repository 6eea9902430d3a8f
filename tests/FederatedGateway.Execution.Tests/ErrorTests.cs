using System.Text.Json;
using FederatedGateway.Execution.Transport;
using static FederatedGateway.Execution.Tests.TestGraph;

namespace FederatedGateway.Execution.Tests;

/// <summary>Subgraph errors re-pathed to the client's response; failed fetches give partial data and an error.</summary>
public sealed class ErrorTests
{
    private const string Dogs =
        """{"data":{"animals":[{"__typename":"Dog","id":"1","name":"Rex"},{"__typename":"Cat","name":"Tom"},{"__typename":"Dog","id":"2","name":"Fido"},{"__typename":"Dog","id":"1","name":"Rex"}]}}""";

    private static readonly Core.Planning.Nodes.PlanNode OwnersPlan = Sequence(
        Root("a", "{animals{__typename name ...on Dog{id}}}"),
        Flatten(Entities("b", "...on Dog{owner}", Requirement("Dog", "id")), "animals.@"));

    private const string OwnersQuery = "{ animals { name ... on Dog { owner } } }";

    [Fact]
    public async Task RootErrorsKeepPathMessageAndExtensionsAndGetTheServiceName()
    {
        var fake = new FakeSubgraphs().On("a", """
            {"data":{"dog":{"name":"Rex","weight":null}},"errors":[
              {"message":"no weight","path":["dog","weight"],"locations":[{"line":1,"column":2}],"extensions":{"code":"NOT_WEIGHED","retry":false,"serviceName":"spoofed"}},
              {"message":"plain"}]}
            """);
        var response = await Run("{ dog { name weight } }", Root("a", "{dog{name weight}}"), fake);
        Assert.Equal("""{"dog":{"name":"Rex","weight":null}}""", Data(response));
        var errors = Errors(response);
        Assert.Equal(2, errors.Length);
        Assert.Equal(
            """{"message":"no weight","path":["dog","weight"],"extensions":{"code":"NOT_WEIGHED","retry":false,"serviceName":"a"}}""",
            errors[0].GetRawText());
        Assert.Equal("""{"message":"plain","extensions":{"code":"DOWNSTREAM_SERVICE_ERROR","serviceName":"a"}}""", errors[1].GetRawText());
    }

    [Fact]
    public async Task RootErrorPathsNameTheClientsResponseKeysNotInternalAliases()
    {
        var fake = new FakeSubgraphs().On("a", """{"data":{"dog":null},"errors":[{"message":"x","path":["__fgw_tDog__dog","name"]}]}""");
        var response = await Run("{ dog { name } }", Root("a", "{__fgw_tDog__dog: dog{name}}"), fake);
        Assert.Equal("""["dog","name"]""", Path(Errors(response)[0]));
    }

    [Fact]
    public async Task ErrorPathsNameEscapedClientResponseNamesAsTheClientWroteThem()
    {
        var fake = new FakeSubgraphs().On("a", """{"data":{"dog":{"__fgw_c___typename":null}},"errors":[{"message":"x","path":["dog","__fgw_c___typename"]}]}""");
        var response = await Run("{ dog { __typename: name } }", Root("a", "{dog{__fgw_c___typename: name}}"), fake);
        Assert.Equal("""["dog","__typename"]""", Path(Errors(response)[0]));
    }

    [Fact]
    public async Task EntityErrorsArePathedToEveryObjectThatSentTheRepresentation()
    {
        var fake = new FakeSubgraphs()
            .On("a", Dogs)
            .On("b", """{"data":{"_entities":[{"owner":null},{"owner":"bob"}]},"errors":[{"message":"private","path":["_entities",0,"owner"],"extensions":{"code":"FORBIDDEN"}}]}""");
        var response = await Run(OwnersQuery, OwnersPlan, fake);
        Assert.Equal(
            """{"animals":[{"name":"Rex","owner":null},{"name":"Tom"},{"name":"Fido","owner":"bob"},{"name":"Rex","owner":null}]}""",
            Data(response));
        var errors = Errors(response);
        Assert.Equal(new[] { """["animals",0,"owner"]""", """["animals",3,"owner"]""" }, errors.Select(Path));
        Assert.All(errors, e => Assert.Equal("FORBIDDEN", Code(e)));
        Assert.All(errors, e => Assert.Equal("b", e.GetProperty("extensions").GetProperty("serviceName").GetString()));
    }

    [Fact]
    public async Task EntityErrorsWithoutAUsablePathGetTheFlattenPoint()
    {
        var fake = new FakeSubgraphs()
            .On("a", Dogs)
            .On("b", """{"data":{"_entities":[null,null]},"errors":[{"message":"no path"},{"message":"index out of range","path":["_entities",7,"owner"]},{"message":"odd","path":["_entities",{"x":1}]}]}""");
        var response = await Run(OwnersQuery, OwnersPlan, fake);
        Assert.Equal(new[] { """["animals"]""", """["animals"]""", """["animals"]""" }, Errors(response).Select(Path));
    }

    [Fact]
    public async Task ADownSubgraphsErrorsSitAtEachFieldThatBecameNull()
    {
        var fake = new FakeSubgraphs().On("a", Dogs);
        var plan = Parallel(
            Sequence(Root("a", "{animals{__typename name ...on Dog{id}}}"), Flatten(Entities("b", "...on Dog{owner}", Requirement("Dog", "id")), "animals.@")),
            Root("b", "{count}"));
        var response = await Run("{ animals { name ... on Dog { owner } } count }", plan, fake);
        Assert.Equal(
            """{"animals":[{"name":"Rex","owner":null},{"name":"Tom"},{"name":"Fido","owner":null},{"name":"Rex","owner":null}],"count":null}""",
            Data(response));
        var errors = Errors(response);
        Assert.Equal(new[] { """["animals",0,"owner"]""", """["animals",2,"owner"]""", """["animals",3,"owner"]""", """["count"]""" }, errors.Select(Path));
        Assert.All(errors, e => Assert.Equal("SUBREQUEST_HTTP_ERROR", Code(e)));
        Assert.All(errors, e => Assert.StartsWith("HTTP fetch failed from 'b': connection refused", e.GetProperty("message").GetString()));
    }

    [Fact]
    public async Task AFailedRootFetchPutsAnErrorAtEachIncludedRootFieldUnderTheClientsName()
    {
        var plan = Root("b", "query($s:Boolean!){n: count total: count @skip(if: $s) __fgw_c___typename: count __fgw_p_hidden: count}");
        var response = await Run("query($s: Boolean!) { n: count total: count @skip(if: $s) __typename: count }", plan, new FakeSubgraphs(), """{"s":true}""");
        Assert.Equal(new[] { """["n"]""", """["__typename"]""" }, Errors(response).Select(Path));
    }

    [Fact]
    public async Task AFailedEntityFetchForManyObjectsStopsAtTheCapAndSumsUpTheRestAtTheFlattenPoint()
    {
        var dogs = string.Join(",", Enumerable.Range(0, 60).Select(i => $$"""{"__typename":"Dog","id":"{{i}}","name":"D{{i}}"}"""));
        var fake = new FakeSubgraphs().On("a", "{\"data\":{\"animals\":[" + dogs + "]}}");
        var plan = Sequence(
            Root("a", "{animals{__typename name ...on Dog{id}}}"),
            Flatten(Entities("b", "...on Dog{owner barks}", Requirement("Dog", "id")), "animals.@"));
        var response = await Run("{ animals { name ... on Dog { owner barks } } }", plan, fake);
        var paths = Errors(response).Select(Path).ToList();
        Assert.Equal(101, paths.Count);
        Assert.Equal("""["animals",0,"owner"]""", paths[0]);
        Assert.Equal("""["animals",49,"barks"]""", paths[99]);
        Assert.Equal("""["animals"]""", paths[100]);
    }

    [Fact]
    public async Task TheTransportsFailureCodeIsKept()
    {
        var fake = new FakeSubgraphs().Respond("b", () => SubgraphResponse.Failed("too slow", SubgraphFailureCodes.Timeout));
        var response = await Run("{ count }", Root("b", "{count}"), fake);
        var error = Assert.Single(Errors(response));
        Assert.Equal("HTTP fetch failed from 'b': too slow", error.GetProperty("message").GetString());
        Assert.Equal("SUBREQUEST_TIMEOUT", Code(error));
        Assert.Equal("""{"count":null}""", Data(response));
    }

    [Theory]
    [InlineData("<html>maintenance</html>", 200)]
    [InlineData("", 200)]
    [InlineData("""{"hello":1}""", 200)]
    [InlineData("[1,2]", 200)]
    [InlineData("""{"data":{"count":""", 200)]
    [InlineData("oops", 502)]
    public async Task AnswersThatAreNotGraphQLResponsesAreMalformed(string body, int status)
    {
        var fake = new FakeSubgraphs()
            .Respond("b", () => FakeSubgraphs.Body(body, status))
            .On("a", """{"data":{"dog":{"name":"Rex"}}}""");
        var response = await Run("{ count dog { name } }", Parallel(Root("b", "{count}"), Root("a", "{dog{name}}")), fake);
        Assert.Equal("""{"count":null,"dog":{"name":"Rex"}}""", Data(response));
        var error = Assert.Single(Errors(response));
        Assert.Equal("SUBREQUEST_MALFORMED_RESPONSE", Code(error));
        Assert.Equal("b", error.GetProperty("extensions").GetProperty("serviceName").GetString());
    }

    [Fact]
    public async Task AnHttpErrorStatusWithDataButNoErrorsIsReported()
    {
        var fake = new FakeSubgraphs().Respond("b", () => FakeSubgraphs.Body("""{"data":{"count":1}}""", 500));
        var response = await Run("{ count }", Root("b", "{count}"), fake);
        Assert.Equal("""{"count":1}""", Data(response));
        Assert.Equal("SUBREQUEST_HTTP_ERROR", Code(Assert.Single(Errors(response))));
    }

    [Fact]
    public async Task AClientThatThrowsIsAnErrorNotACrash()
    {
        var response = await Run(Prepare("{ count }", Root("b", "{count}")), new FakeSubgraphs().Respond("b", () => throw new InvalidOperationException("bug")));
        var error = Assert.Single(Errors(response));
        // The exception's own text may name hosts and ports: it is logged, the client is told what failed.
        Assert.Equal("HTTP fetch failed from 'b': the subgraph client failed (see the gateway log)", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task TheCallersCancellationIsThrown()
    {
        using var cts = new CancellationTokenSource();
        var fake = new FakeSubgraphs().On("b", """{"data":{"count":1}}""", delay: TimeSpan.FromSeconds(30));
        var running = Run(Prepare("{ count }", Root("b", "{count}")), fake, cancellationToken: cts.Token);
        cts.CancelAfter(50);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
    }

    [Fact]
    public async Task ErrorsComeInPlanOrderWhateverAnswersFirst()
    {
        var fake = new FakeSubgraphs()
            .On("a", """{"data":{"dog":null},"errors":[{"message":"from a"}]}""", delay: TimeSpan.FromMilliseconds(200))
            .On("b", """{"data":{"count":null},"errors":[{"message":"from b"}]}""");
        var response = await Run("{ dog { name } count }", Parallel(Root("a", "{dog{name}}"), Root("b", "{count}")), fake);
        Assert.Equal(new[] { "from a", "from b" }, Errors(response).Select(e => e.GetProperty("message").GetString()));
    }

    [Fact]
    public async Task NonNullViolationsAreNotReportedTwiceWhenASubgraphExplainedThem()
    {
        var fake = new FakeSubgraphs()
            .On("a", """{"data":{"dog":{"__typename":"Dog","id":"1","name":"Rex"}}}""")
            .On("b", """{"data":{"_entities":[{"barks":null}]},"errors":[{"message":"cannot tell","path":["_entities",0,"barks"]}]}""");
        var plan = Sequence(Root("a", "{dog{__typename id name}}"), Flatten(Entities("b", "...on Dog{barks}", Requirement("Dog", "id")), "dog"));
        var response = await Run("{ dog { name barks } }", plan, fake);
        Assert.Equal("""{"dog":null}""", Data(response));
        var error = Assert.Single(Errors(response));
        Assert.Equal("cannot tell", error.GetProperty("message").GetString());
        Assert.Equal("""["dog","barks"]""", Path(error));
    }
}
