using FederatedGateway.Cli.Tests.Infrastructure;

namespace FederatedGateway.Cli.Tests;

/// <summary>The <c>fgw</c> commands: artifact on stdout only, diagnostics on stderr, stable exit codes.</summary>
public sealed class CliTests : CliHarness
{
    private static string Supergraph => Path.Combine(Repo(), "schemas", "supergraph.graphql");

    [Fact]
    public async Task PrintSchemaWritesTheApiSchemaOnly()
    {
        var (exit, stdout, stderr) = await Run("print-schema", "--supergraph", Supergraph);
        Assert.Equal(0, exit);
        Assert.Empty(stderr);
        Assert.Contains("type Trader {", stdout);
        Assert.DoesNotContain("join__", stdout);
    }

    [Fact]
    public async Task PlanPrintsTheQueryPlan()
    {
        var query = Write("q.graphql", "query($s: OrderStatus) { me { name orders(status: $s) { id notional { amount } } } }");
        var (exit, stdout, stderr) = await Run("plan", "--supergraph", Supergraph, "--query", query, "--variables", "{\"s\":\"OPEN\"}");
        Assert.Equal(0, exit);
        Assert.Empty(stderr);
        Assert.StartsWith("QueryPlan {", stdout);
        Assert.Contains("Fetch(service: \"accounts\")", stdout);
        Assert.Contains("Flatten(path: \"me.orders.@\")", stdout);
    }

    [Fact]
    public async Task InvalidOperationIsExitOneWithLocation()
    {
        var query = Write("bad.graphql", "{ me { nope } }");
        var (exit, stdout, stderr) = await Run("plan", "--supergraph", Supergraph, "--query", query);
        Assert.Equal(1, exit);
        Assert.Empty(stdout);
        Assert.Contains("error[GRAPHQL_VALIDATION_FAILED]", stderr);
        Assert.Contains("bad.graphql:1:", stderr);
    }

    [Fact]
    public async Task SeveralOperationsWithoutOperationNameTheFlagThatChooses()
    {
        var query = Write("two.graphql", "query Me { me { name } } query All { traders { name } }");
        var (exit, stdout, stderr) = await Run("plan", "--supergraph", Supergraph, "--query", query);
        Assert.Equal(2, exit);
        Assert.Empty(stdout);
        Assert.StartsWith($"error: {query} has several operations (Me, All): choose one with --operation <name>", stderr);
        Assert.DoesNotContain("operationName", stderr);

        (exit, stdout, _) = await Run("plan", "--supergraph", Supergraph, "--query", query, "--operation", "All");
        Assert.Equal(0, exit);
        Assert.Contains("traders", stdout);
    }

    [Fact]
    public async Task ComposeHelpShowsGrpcSources()
    {
        var (exit, stdout, _) = await Run("compose", "--help");
        Assert.Equal(0, exit);
        Assert.Contains("grpc:", stdout);
        Assert.Contains("descriptor_set:", stdout);
        Assert.Contains("reflection: true", stdout);
    }

    [Theory]
    [InlineData("plan", "--supergraph")]
    [InlineData("plan", "--bogus", "x")]
    [InlineData("plan", "--supergraph", "a.graphql", "--supergraph", "b.graphql")]
    [InlineData("frobnicate")]
    [InlineData("print-schema")]
    [InlineData("print-schema", "--supergraph", "/nonexistent/supergraph.graphql")]
    public async Task BadUsageOrUnreadableInputIsExitTwo(params string[] args)
    {
        var (exit, stdout, stderr) = await Run(args);
        Assert.Equal(2, exit);
        Assert.Empty(stdout);
        Assert.StartsWith("error:", stderr);
    }

    [Theory]
    [InlineData("[1]", "--variables must be a JSON object")]
    [InlineData("{nope", "--variables is not valid JSON")]
    public async Task VariablesThatAreNotAJsonObjectAreExitTwo(string variables, string message)
    {
        var query = Write("q.graphql", "{ me { name } }");
        var (exit, stdout, stderr) = await Run("plan", "--supergraph", Supergraph, "--query", query, "--variables", variables);
        Assert.Equal(2, exit);
        Assert.Empty(stdout);
        Assert.StartsWith("error: " + message, stderr);
    }

    [Fact]
    public async Task InvalidSupergraphIsExitTwo()
    {
        var (exit, stdout, stderr) = await Run("print-schema", "--supergraph", Write("s.graphql", "type Query { a: Int }"));
        Assert.Equal(2, exit);
        Assert.Empty(stdout);
        Assert.Contains("no subgraphs", stderr);
    }

    [Fact]
    public async Task HelpGoesToStdout()
    {
        var (exit, stdout, _) = await Run("--help");
        Assert.Equal(0, exit);
        Assert.Contains("fgw plan --supergraph", stdout);
    }
}
