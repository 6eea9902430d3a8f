using System.Text.Json;
using FederatedGateway.Cli.Tests.Infrastructure;

namespace FederatedGateway.Cli.Tests;

/// <summary><c>fgw schema-diff</c>: classified changes on stdout, a summary on stderr, exit 1 only for breaking changes.</summary>
public sealed class SchemaDiffCommandTests : CliHarness
{
    private static string Supergraph => Path.Combine(Repo(), "schemas", "supergraph.graphql");

    [Fact]
    public async Task A_removed_field_is_breaking_and_exits_one()
    {
        var before = Write("before.graphql", "type Query { a: Int b: String } enum E { X }");
        var after = Write("after.graphql", "type Query { a: Int } enum E { X Y }");

        var (exit, stdout, stderr) = await Run("schema-diff", "--before", before, "--after", after);

        Assert.Equal(1, exit);
        Assert.Equal(["breaking  Query.b  Query.b was removed.", "dangerous E.Y  E.Y was added: clients that switch over E may not handle it."], stdout.TrimEnd().Split('\n'));
        Assert.Contains("2 changes: 1 breaking, 1 dangerous, 0 safe", stderr);
    }

    [Fact]
    public async Task Only_safe_and_dangerous_changes_exit_zero_and_json_lists_them()
    {
        var before = Write("before.graphql", "type Query { a: Int }");
        var after = Write("after.graphql", "type Query { a: Int! c(x: Int): Int }");

        var (exit, stdout, _) = await Run("schema-diff", "--before", before, "--after", after, "--format", "json");

        Assert.Equal(0, exit);
        var changes = JsonDocument.Parse(stdout).RootElement.EnumerateArray()
            .Select(c => (c.GetProperty("kind").GetString(), c.GetProperty("criticality").GetString(), c.GetProperty("coordinate").GetString())).ToList();
        Assert.Equal([("FieldTypeChanged", "safe", "Query.a"), ("FieldAdded", "safe", "Query.c")], changes);
    }

    [Fact]
    public async Task A_supergraph_is_compared_by_its_api_schema()
    {
        var (exit, stdout, stderr) = await Run("schema-diff", "--before", Supergraph, "--after", Supergraph);

        Assert.Equal(0, exit);
        Assert.Empty(stdout);
        Assert.Contains("0 changes", stderr);
    }

    [Theory]
    [InlineData("schema-diff", "--before", "x.graphql")]
    [InlineData("schema-diff", "--before", "/nonexistent/a.graphql", "--after", "/nonexistent/b.graphql")]
    [InlineData("schema-diff", "--before", "a", "--after", "b", "--format", "xml")]
    public async Task Bad_usage_or_unreadable_files_exit_two(params string[] args)
    {
        var (exit, stdout, stderr) = await Run(args);

        Assert.Equal(2, exit);
        Assert.Empty(stdout);
        Assert.StartsWith("error:", stderr);
    }

    [Fact]
    public async Task A_schema_that_does_not_parse_exits_two_with_the_reason()
    {
        var before = Write("before.graphql", "type Query { a: Int }");
        var after = Write("after.graphql", "type Query { a: }");

        var (exit, _, stderr) = await Run("schema-diff", "--before", before, "--after", after);

        Assert.Equal(2, exit);
        Assert.StartsWith("error: a schema does not parse:", stderr);
    }
}
