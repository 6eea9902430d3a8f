using FederatedGateway.Cli.Tests.Infrastructure;
using FederatedGateway.Demo;

namespace FederatedGateway.Cli.Tests;

/// <summary><c>fgw compose</c>: the demo's checked-in supergraph is current, sources from files and running subgraphs, exit codes.</summary>
public sealed class ComposeCommandTests : CliHarness
{
    [Fact]
    public async Task The_demo_supergraph_is_what_its_config_composes_to()
    {
        var (exit, stdout, stderr) = await Run("compose", "--config", Path.Combine(Repo(), "schemas", "supergraph.yaml"));

        Assert.True(exit == 0, stderr);
        var checkedIn = await File.ReadAllTextAsync(Path.Combine(Repo(), "schemas", "supergraph.graphql"));
        Assert.True(checkedIn == stdout,
            "schemas/supergraph.graphql is stale; run: dotnet run --project tools/FederatedGateway.Cli -- compose --config schemas/supergraph.yaml --output schemas/supergraph.graphql");
    }

    [Fact]
    public async Task Output_goes_to_the_file_and_nothing_to_stdout()
    {
        var a = Write("a.graphql", "extend schema @link(url: \"https://specs.apollo.dev/federation/v2.3\", import: [\"@key\"]) type Query { a: A } type A @key(fields: \"id\") { id: ID! }");
        var config = Write("supergraph.yaml", $"subgraphs:\n  a:\n    routing_url: http://127.0.0.1:4001/graphql\n    schema:\n      file: ./{Path.GetFileName(a)}\n");
        var output = Path.Combine(Directory, "out.graphql");

        var (exit, stdout, stderr) = await Run("compose", "--config", config, "--output", output);

        Assert.Equal(0, exit);
        Assert.Empty(stdout);
        Assert.Contains("composed 1 subgraphs", stderr);
        Assert.Contains("@join__graph(name: \"a\", url: \"http://127.0.0.1:4001/graphql\")", await File.ReadAllTextAsync(output));
    }

    [Fact]
    public async Task Rest_and_soap_sources_compose_from_their_descriptions()
    {
        File.Copy(Path.Combine(Repo(), "tests", "FederatedGateway.OpenApi.Tests", "Documents", "petstore-expanded.json"), Path.Combine(Directory, "petstore.json"));
        File.Copy(Path.Combine(Repo(), "tests", "FederatedGateway.Soap.Tests", "Wsdls", "fx-rates.wsdl"), Path.Combine(Directory, "fx.wsdl"));
        var config = Write("supergraph.yaml", """
            subgraphs:
              pets:
                schema:
                  openapi: { document: petstore.json, base_url: "http://127.0.0.1:4107/api/" }
              fx:
                schema:
                  soap:
                    wsdl: fx.wsdl
                    entities:
                      Rate: { key: pair, lookup: getRates, batch: true }
            """);

        var (exit, stdout, stderr) = await Run("compose", "--config", config);

        Assert.True(exit == 0, stderr);
        Assert.Contains("@join__graph(name: \"pets\", url: \"http://127.0.0.1:4107/api/\")", stdout);
        Assert.Contains("@join__graph(name: \"fx\", url: \"http://127.0.0.1:9/fx\")", stdout);
        Assert.Contains("type Rate\n  @join__type(graph: FX, key: \"pair\")", stdout);
    }

    [Fact]
    public async Task A_misspelt_source_key_is_an_error_naming_the_closest()
    {
        var config = Write("supergraph.yaml", "subgraphs:\n  a:\n    schema:\n      opnapi: { document: x.json }\n");

        var (exit, _, stderr) = await Run("compose", "--config", config);

        Assert.Equal(2, exit);
        Assert.Contains("unknown schema key \"opnapi\"; did you mean \"openapi\"?", stderr);
    }

    [Fact]
    public async Task Composition_errors_exit_one_with_code_file_position_and_hint()
    {
        Write("a.graphql", "extend schema @link(url: \"https://specs.apollo.dev/federation/v2.3\", import: [\"@key\"])\ntype Query { a: T }\ntype T { x: Int }");
        Write("b.graphql", "extend schema @link(url: \"https://specs.apollo.dev/federation/v2.3\", import: [\"@key\"])\ntype Query { b: T }\ntype T { x: Int }");
        var config = Write("supergraph.yaml", "subgraphs:\n  a:\n    routing_url: http://a\n    schema: { file: a.graphql }\n  b:\n    routing_url: http://b\n    schema: { file: b.graphql }\n");

        var (exit, stdout, stderr) = await Run("compose", "--config", config);

        Assert.Equal(1, exit);
        Assert.Empty(stdout);
        Assert.Contains("error[INVALID_FIELD_SHARING] a T.x (" + Path.Combine(Directory, "a.graphql") + ":3:10): Non-shareable field \"T.x\"", stderr);
        Assert.Contains("hint: Mark \"T.x\" @shareable", stderr);
        Assert.Contains("composition failed with 1 error.", stderr);
        Assert.DoesNotContain("\u001b[", stderr);
    }

    [Theory]
    [InlineData("missing-config")]
    [InlineData("bad-yaml")]
    [InlineData("no-subgraphs")]
    [InlineData("two-sources")]
    [InlineData("missing-schema-file")]
    [InlineData("unreachable-subgraph")]
    [InlineData("list-as-subgraph-name")]
    [InlineData("relative-subgraph-url")]
    [InlineData("ftp-subgraph-url")]
    [InlineData("routing-url-not-a-url")]
    [InlineData("grpc-option-not-a-value")]
    [InlineData("bad-federation-version")]
    public async Task Bad_usage_or_unreadable_input_exits_two(string scenario)
    {
        var config = scenario switch
        {
            "missing-config" => Path.Combine(Directory, "nope.yaml"),
            "bad-yaml" => Write("c.yaml", "subgraphs: [unclosed"),
            "no-subgraphs" => Write("c.yaml", "federation_version: =2.3\n"),
            "two-sources" => Write("c.yaml", "subgraphs:\n  a:\n    routing_url: http://a\n    schema: { file: a.graphql, subgraph_url: http://a }\n"),
            "missing-schema-file" => Write("c.yaml", "subgraphs:\n  a:\n    routing_url: http://a\n    schema: { file: missing.graphql }\n"),
            "list-as-subgraph-name" => Write("c.yaml", "subgraphs:\n  ? [a]\n  : { routing_url: http://a, schema: { file: a.graphql } }\n"),
            "relative-subgraph-url" => Write("c.yaml", "subgraphs:\n  a:\n    routing_url: http://a\n    schema: { subgraph_url: not a url }\n"),
            "ftp-subgraph-url" => Write("c.yaml", "subgraphs:\n  a:\n    routing_url: http://a\n    schema: { subgraph_url: \"ftp://127.0.0.1/x\" }\n"),
            "routing-url-not-a-url" => Write("c.yaml", "subgraphs:\n  a:\n    routing_url: somewhere\n    schema: { file: a.graphql }\n"),
            "bad-federation-version" => Write("c.yaml", "federation_version: latest\nsubgraphs:\n  a:\n    routing_url: http://a\n    schema: { file: a.graphql }\n"),
            "grpc-option-not-a-value" => Write("c.yaml", "subgraphs:\n  a:\n    routing_url: grpc://127.0.0.1:1\n    schema: { grpc: { reflection: [true] } }\n"),
            _ => Write("c.yaml", "subgraphs:\n  a:\n    routing_url: http://127.0.0.1:1/graphql\n    schema: { subgraph_url: http://127.0.0.1:1/graphql }\n"),
        };

        var (exit, stdout, stderr) = await Run("compose", "--config", config);

        Assert.Equal(2, exit);
        Assert.Empty(stdout);
        Assert.StartsWith("error: ", stderr);
    }

    [Fact]
    public async Task Missing_config_option_is_usage_error()
    {
        var (exit, _, stderr) = await Run("compose");

        Assert.Equal(2, exit);
        Assert.Contains("compose needs --config", stderr);
    }

    [Fact]
    public async Task Schemas_can_come_from_running_subgraphs()
    {
        await using var subgraphs = await DemoSubgraphs.StartAsync(DemoPorts.Ephemeral);
        var yaml = "subgraphs:\n" + string.Join("", new[] { "accounts", "portfolio", "orders" }.Select(name =>
            $"  {name}:\n    routing_url: http://127.0.0.1:41{(name == "accounts" ? "01" : name == "portfolio" ? "02" : "03")}/graphql\n    schema:\n      subgraph_url: {subgraphs.GetUrl(name)}\n"));
        var config = Write("supergraph.yaml", yaml);

        var (exit, stdout, stderr) = await Run("compose", "--config", config);

        Assert.True(exit == 0, stderr);
        Assert.Equal(await File.ReadAllTextAsync(Path.Combine(Repo(), "schemas", "supergraph.graphql")), stdout);
    }

    [Theory]
    [InlineData("=2.3.2", false)]
    [InlineData("2", false)]
    [InlineData("=1", true)]
    [InlineData("=0.36.0", true)]
    public async Task Federation_version_is_checked_and_a_federation_1_request_is_noted(string version, bool noted)
    {
        Write("a.graphql", "extend schema @link(url: \"https://specs.apollo.dev/federation/v2.3\", import: [\"@key\"]) type Query { a: Int }");
        var config = Write("c.yaml", $"federation_version: \"{version}\"\nsubgraphs:\n  a:\n    routing_url: http://a\n    schema: {{ file: a.graphql }}\n");

        var (exit, stdout, stderr) = await Run("compose", "--config", config);

        Assert.True(exit == 0, stderr);
        Assert.StartsWith("schema", stdout);
        Assert.Equal(noted, stderr.Contains("asks for Federation 1 composition", StringComparison.Ordinal));
    }
}
