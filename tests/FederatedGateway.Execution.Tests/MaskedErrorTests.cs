using FederatedGateway.Execution.Execution;
using FederatedGateway.Execution.Transport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using static FederatedGateway.Execution.Tests.TestGraph;

namespace FederatedGateway.Execution.Tests;

/// <summary>
/// Masked subgraph errors (the production default): a generic message, extensions reduced to code, serviceName and
/// the allowed keys, paths as exposed errors have them; the whole error in the log. Transport failure details are
/// logged whatever the policy.
/// </summary>
public sealed class MaskedErrorTests
{
    private const string Leaky = """
        {"data":{"dog":{"name":"Rex","weight":null}},"errors":[
          {"message":"DB down: Server=db;Password=hunter2","path":["dog","weight"],"locations":[{"line":1,"column":2}],
           "extensions":{"code":"NOT_WEIGHED","exception":{"stacktrace":["at Db.Open()"]},"connectionString":"Password=hunter2","retryAfter":5,"serviceName":"spoofed"}},
          {"message":"no code","extensions":{"code":42}},
          {"message":"no extensions at all"}]}
        """;

    // TestGraph.Run executes each operation twice (checked and pooled output), so each entry is logged twice.
    private readonly FakeLogger _log = new();

    private IReadOnlyList<FakeLogRecord> Logged => _log.Collector.GetSnapshot();

    private Task<System.Text.Json.JsonElement> RunLeakyAsync(SubgraphErrorPolicy policy) =>
        Run(Prepare("{ dog { name weight } }", Root("a", "{dog{name weight}}")), new FakeSubgraphs().On("a", Leaky), errorPolicy: policy);

    [Fact]
    public async Task MaskedErrorsKeepOnlyTheGenericMessageTheCodeTheServiceAndThePath()
    {
        var response = await RunLeakyAsync(new SubgraphErrorPolicy(expose: false, logger: _log));

        Assert.Equal("""{"dog":{"name":"Rex","weight":null}}""", Data(response));
        Assert.Equal(
            [
                """{"message":"Subgraph errors are hidden; see the gateway log.","path":["dog","weight"],"extensions":{"code":"NOT_WEIGHED","serviceName":"a"}}""",
                """{"message":"Subgraph errors are hidden; see the gateway log.","extensions":{"code":"SUBGRAPH_ERROR","serviceName":"a"}}""",
                """{"message":"Subgraph errors are hidden; see the gateway log.","extensions":{"code":"SUBGRAPH_ERROR","serviceName":"a"}}""",
            ],
            Errors(response).Select(e => e.GetRawText()));
    }

    [Fact]
    public async Task AllowedExtensionsPassAndTheCodeAndServiceNameCannotBeOverridden()
    {
        var response = await RunLeakyAsync(new SubgraphErrorPolicy(expose: false, ["retryAfter", "code", "serviceName", "missing"], _log));

        Assert.Equal(
            """{"message":"Subgraph errors are hidden; see the gateway log.","path":["dog","weight"],"extensions":{"retryAfter":5,"code":"NOT_WEIGHED","serviceName":"a"}}""",
            Errors(response)[0].GetRawText());
        Assert.Equal("""{"code":"SUBGRAPH_ERROR","serviceName":"a"}""", Errors(response)[1].GetProperty("extensions").GetRawText());
    }

    [Fact]
    public async Task AMaskedAnswersErrorsAreLoggedWholeInOneEntry()
    {
        await RunLeakyAsync(new SubgraphErrorPolicy(expose: false, logger: _log));

        var entry = Logged[0];
        Assert.All(Logged, e => Assert.Equal(entry.Message, e.Message)); // one entry per run of the operation
        Assert.Equal(LogLevel.Warning, entry.Level);
        Assert.Contains("\"a\" answered 3 error(s)", entry.Message);
        Assert.Contains("Password=hunter2", entry.Message);
        Assert.Contains("at Db.Open()", entry.Message);
        Assert.Contains("no extensions at all", entry.Message);
    }

    [Fact]
    public async Task AHugeErrorListIsOneCutLogEntry()
    {
        var errors = string.Join(",", Enumerable.Range(0, 5000).Select(i => $$"""{"message":"item {{i}} failed","path":["dog","name"]}"""));
        var fake = new FakeSubgraphs().On("a", $$"""{"data":{"dog":null},"errors":[{{errors}}]}""");

        await Run(Prepare("{ dog { name } }", Root("a", "{dog{name}}")), fake, errorPolicy: new SubgraphErrorPolicy(expose: false, logger: _log));

        Assert.Equal(2, Logged.Count); // once per run of the operation
        Assert.Contains("answered 5000 error(s)", Logged[0].Message);
        Assert.Contains("more characters)", Logged[0].Message);
        Assert.True(Logged[0].Message.Length < SubgraphErrorPolicy.MaxLoggedErrorsLength + 200);
    }

    [Fact]
    public async Task ExposedErrorsPassAsTheyCameAndAreNotLogged()
    {
        var response = await RunLeakyAsync(new SubgraphErrorPolicy(expose: true, logger: _log));

        var first = Errors(response)[0];
        Assert.Equal("DB down: Server=db;Password=hunter2", first.GetProperty("message").GetString());
        Assert.Equal("Password=hunter2", first.GetProperty("extensions").GetProperty("connectionString").GetString());
        Assert.Equal("at Db.Open()", first.GetProperty("extensions").GetProperty("exception").GetProperty("stacktrace")[0].GetString());
        Assert.Empty(Logged);
    }

    [Fact]
    public async Task MaskedEntityErrorsAreStillPathedToEveryObjectThatSentTheRepresentation()
    {
        var fake = new FakeSubgraphs()
            .On("a", """{"data":{"animals":[{"__typename":"Dog","id":"1","name":"Rex"},{"__typename":"Dog","id":"1","name":"Rex"}]}}""")
            .On("b", """{"data":{"_entities":[{"owner":null}]},"errors":[{"message":"secret","path":["_entities",0,"owner"],"extensions":{"code":"FORBIDDEN"}}]}""");
        var plan = Sequence(
            Root("a", "{animals{__typename name ...on Dog{id}}}"),
            Flatten(Entities("b", "...on Dog{owner}", Requirement("Dog", "id")), "animals.@"));

        var response = await Run(Prepare("{ animals { name ... on Dog { owner } } }", plan), fake, errorPolicy: new SubgraphErrorPolicy(expose: false, logger: _log));

        var errors = Errors(response);
        Assert.Equal(new[] { """["animals",0,"owner"]""", """["animals",1,"owner"]""" }, errors.Select(Path));
        Assert.All(errors, e => Assert.Equal(SubgraphErrorPolicy.HiddenMessage, e.GetProperty("message").GetString()));
        Assert.All(errors, e => Assert.Equal("FORBIDDEN", Code(e)));
    }

    [Fact]
    public async Task ATransportFailureIsLoggedWithItsCauseWhateverThePolicy()
    {
        var cause = new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused (10.1.2.3:4102)");
        var fake = new FakeSubgraphs().Respond("a", () => SubgraphResponse.Failed("no connection could be made", SubgraphFailureCodes.HttpError, cause: cause));

        var response = await Run(Prepare("{ dog { name } }", Root("a", "{dog{name}}")), fake, errorPolicy: new SubgraphErrorPolicy(expose: true, logger: _log));

        Assert.DoesNotContain("10.1.2.3", response.GetRawText());
        Assert.NotEmpty(Logged);
        Assert.All(Logged, e => Assert.Equal(LogLevel.Warning, e.Level));
        Assert.All(Logged, e => Assert.Same(cause, e.Exception));
    }

    [Fact]
    public async Task AClientThatThrowsIsLoggedWithTheException()
    {
        var bug = new InvalidOperationException("bug near 10.1.2.3:4102");
        var fake = new FakeSubgraphs().Respond("a", () => throw bug);

        var response = await Run(Prepare("{ dog { name } }", Root("a", "{dog{name}}")), fake, errorPolicy: new SubgraphErrorPolicy(expose: true, logger: _log));

        Assert.DoesNotContain("10.1.2.3", response.GetRawText());
        Assert.NotEmpty(Logged);
        Assert.All(Logged, e => Assert.Same(bug, e.Exception));
    }
}
