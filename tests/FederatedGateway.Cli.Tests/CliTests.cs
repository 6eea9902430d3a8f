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

    /// <summary><c>fgw plan</c> of <paramref name="document"/> (written to operation.graphql) over the demo supergraph.</summary>
    private Task<(int Exit, string Stdout, string Stderr)> Plan(string document, params string[] options) =>
        Run(["plan", "--supergraph", Supergraph, "--query", Write("operation.graphql", document), .. options]);

    [Fact]
    public async Task PlanPrintsTheQueryPlan()
    {
        var (exit, stdout, stderr) = await Plan("query($s: OrderStatus) { me { name orders(status: $s) { id notional { amount } } } }", "--variables", "{\"s\":\"OPEN\"}");
        Assert.Equal(0, exit);
        Assert.Empty(stderr);
        Assert.StartsWith("QueryPlan {", stdout);
        Assert.Contains("Fetch(service: \"accounts\")", stdout);
        Assert.Contains("Flatten(path: \"me.orders.@\")", stdout);
    }

    [Fact]
    public async Task InvalidOperationIsExitOneWithLocation()
    {
        var (exit, stdout, stderr) = await Plan("{ me { nope } }");
        Assert.Equal(1, exit);
        Assert.Empty(stdout);
        Assert.Contains("error[GRAPHQL_VALIDATION_FAILED]", stderr);
        Assert.Contains("operation.graphql:1:", stderr);
    }

    [Fact]
    public async Task SeveralOperationsWithoutOperationNameTheFlagThatChooses()
    {
        const string Document = "query Me { me { name } } query All { traders { name } }";
        var (exit, _, stderr) = await Plan(Document);
        Assert.Equal(2, exit);
        Assert.StartsWith($"error: {Path.Combine(Directory, "operation.graphql")} has several operations (Me, All): choose one with --operation <name>", stderr);
        Assert.DoesNotContain("operationName", stderr);

        var (chosen, plan, _) = await Plan(Document, "--operation", "All");
        Assert.Equal(0, chosen);
        Assert.Contains("traders", plan);
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
        var (exit, stdout, stderr) = await Plan("{ me { name } }", "--variables", variables);
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
