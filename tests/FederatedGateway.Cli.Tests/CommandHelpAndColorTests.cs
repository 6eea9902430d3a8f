namespace FederatedGateway.Cli.Tests;

/// <summary>Every command has its own <c>--help</c>; colour is used on a terminal only, and hints reach stderr without failing.</summary>
public sealed class CommandHelpAndColorTests : IDisposable
{
    private const string Fed2 = "extend schema @link(url: \"https://specs.apollo.dev/federation/v2.3\", import: [\"@key\", \"@shareable\"])\n";

    private readonly string _directory = Directory.CreateTempSubdirectory("fgw-help-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static async Task<(int Exit, string Stdout, string Stderr)> Run(bool color, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await new CliApp(stdout, stderr, color).RunAsync(args);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private string Config(string a, string b)
    {
        File.WriteAllText(Path.Combine(_directory, "a.graphql"), Fed2 + a);
        File.WriteAllText(Path.Combine(_directory, "b.graphql"), Fed2 + b);
        var config = Path.Combine(_directory, "supergraph.yaml");
        File.WriteAllText(config, "subgraphs:\n  a:\n    routing_url: http://a\n    schema: { file: a.graphql }\n  b:\n    routing_url: http://b\n    schema: { file: b.graphql }\n");
        return config;
    }

    [Theory]
    [InlineData("compose", "--config <supergraph.yaml> [--output <file>]")]
    [InlineData("print-schema", "--supergraph <file>")]
    [InlineData("plan", "--query <file> [--operation <name>] [--variables <json>]")]
    public async Task Each_command_prints_its_own_help(string command, string usage)
    {
        foreach (var args in new[] { new[] { command, "--help" }, new[] { command, "--config", "x", "-h" }, new[] { "help", command } })
        {
            var (exit, stdout, stderr) = await Run(false, args);

            Assert.Equal(0, exit);
            Assert.Empty(stderr);
            Assert.StartsWith($"fgw {command} — ", stdout);
            Assert.Contains(usage, stdout);
            Assert.Contains("Exit codes:", stdout);
        }
    }

    [Fact]
    public async Task A_bad_option_points_to_the_command_help()
    {
        var (exit, stdout, stderr) = await Run(false, "compose", "--cnofig", "x.yaml");

        Assert.Equal(2, exit);
        Assert.Empty(stdout);
        Assert.Contains("unknown option \"--cnofig\"", stderr);
        Assert.Contains("fgw compose --help", stderr);
    }

    [Theory]
    [InlineData(false, null, true)]
    [InlineData(false, "", true)]
    [InlineData(false, "1", false)]
    [InlineData(true, null, false)]
    public void Colour_only_on_a_terminal_without_NO_COLOR(bool stderrRedirected, string? noColor, bool expected)
    {
        Assert.Equal(expected, CliApp.UseColor(stderrRedirected, noColor));
    }

    [Fact]
    public async Task With_colour_the_error_code_is_red_and_stdout_stays_plain()
    {
        var config = Config("type Query { a: T }\ntype T { x: Int }", "type Query { b: T }\ntype T { x: Int }");

        var (exit, stdout, stderr) = await Run(true, "compose", "--config", config);

        Assert.Equal(1, exit);
        Assert.Empty(stdout);
        Assert.Contains("\u001b[31merror[INVALID_FIELD_SHARING]\u001b[0m a T.x (", stderr);
    }

    [Fact]
    public async Task Hints_go_to_stderr_and_the_supergraph_to_stdout()
    {
        var config = Config("type Query { f(x: Int): Int @shareable }", "type Query { f: Int @shareable }");

        var (exit, stdout, stderr) = await Run(false, "compose", "--config", config);

        Assert.Equal(0, exit);
        Assert.StartsWith("schema", stdout);
        Assert.DoesNotContain("hint", stdout);
        Assert.Contains("hint[INCONSISTENT_ARGUMENT_PRESENCE]", stderr);
        Assert.Contains("Optional argument \"Query.f(x:)\" will not be included in the supergraph", stderr);
    }
}
