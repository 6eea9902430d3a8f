using FederatedGateway.Core.Composition;
using GraphQLParser.Visitors;

namespace FederatedGateway.CompositionParity.Tests;

/// <summary>The parity tool against a fake audit server: table rows, totals, diff details, written files and exit codes.</summary>
public sealed class ParityRunTests : IAsyncLifetime
{
    private const string Link = "extend schema @link(url: \"https://specs.apollo.dev/federation/v2.3\", import: [\"@key\", \"@shareable\"])\n";

    private static readonly Dictionary<string, string> Composable = new()
    {
        ["a"] = Link + "type Query { hello: String product: Product }\ntype Product @key(fields: \"id\") { id: ID! }",
        ["b"] = Link + "type Product @key(fields: \"id\") { id: ID! name: String }",
    };

    private static readonly Dictionary<string, string> Conflicting = new()
    {
        ["a"] = Link + "type Query { a: T }\ntype T { x: Int }",
        ["b"] = Link + "type Query { b: T }\ntype T { x: Int }",
    };

    private readonly string _out = Directory.CreateTempSubdirectory("fgw-parity-").FullName;
    private FakeAuditServer? _audit;

    /// <summary>Our own supergraph for <see cref="Composable"/> with the subgraph URLs the fake server hands out for <paramref name="suite"/>.</summary>
    private static string Ours(string suite) =>
        SupergraphComposer.Compose(Composable.Select(s => new SubgraphSource(s.Key, $"http://127.0.0.1:9/{suite}/{s.Key}", s.Value)).ToList()).SupergraphSdl!;

    /// <summary>The same supergraph with its definitions in reverse order, as another composer might print it.</summary>
    private static string Reordered(string sdl) =>
        string.Join("\n\n", GraphQLParser.Parser.Parse(sdl).Definitions.AsEnumerable().Reverse().Select(d => new SDLPrinter().Print(d)));

    public async Task InitializeAsync()
    {
        _audit = await FakeAuditServer.StartAsync(new Dictionary<string, (IReadOnlyDictionary<string, string>, string?)>
        {
            ["same"] = (Composable, Reordered(Ours("same"))),
            ["different"] = (Composable, Ours("different").Replace("  name: String", "  name: String!", StringComparison.Ordinal)),
            ["conflict"] = (Conflicting, "type Query { a: Int }"),
            ["no-supergraph"] = (Composable, null),
        });
    }

    public async Task DisposeAsync()
    {
        if (_audit is not null)
        {
            await _audit.DisposeAsync();
        }

        Directory.Delete(_out, recursive: true);
    }

    private static async Task<(int Exit, string Stdout, string Stderr)> Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await new ParityRun(stdout, stderr).RunAsync(args);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task Every_suite_gets_a_row_and_the_totals_count_composed_and_equal()
    {
        var (exit, stdout, stderr) = await Run("--audit-url", _audit!.Url, "--out", _out);

        Assert.Equal(1, exit);
        Assert.Empty(stderr);
        var lines = stdout.Split('\n').Select(l => l.TrimEnd()).ToList();
        Assert.Contains(lines, l => l.StartsWith("same ", StringComparison.Ordinal) && l.Contains("yes       yes", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("different ", StringComparison.Ordinal) && l.EndsWith("type Product: expected `name: String! @join__field(graph: B)` but was `name: String @join__field(graph: B)`", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("conflict ", StringComparison.Ordinal) && l.Contains("no        -      INVALID_FIELD_SHARING: Non-shareable field \"T.x\"", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("no-supergraph ", StringComparison.Ordinal) && l.Contains("audit: GET ", StringComparison.Ordinal) && l.Contains("HTTP 404", StringComparison.Ordinal));
        Assert.Contains("== different: differences (- Apollo only, + ours only)\ntype Product (changed)\n  - name: String! @join__field(graph: B)\n  + name: String @join__field(graph: B)", stdout);
        Assert.EndsWith("TOTAL: 4 suites, 2 composed, 1 equal to Apollo's supergraph up to order\n", stdout.ReplaceLineEndings("\n"));
        Assert.Equal(Ours("same"), await File.ReadAllTextAsync(Path.Combine(_out, "same.graphql")));
        Assert.False(File.Exists(Path.Combine(_out, "conflict.graphql")));
    }

    [Fact]
    public async Task Named_suites_only_and_exit_zero_when_all_are_equal()
    {
        var (exit, stdout, _) = await Run("--audit-url", _audit!.Url, "--out", _out, "--canonical", "same");

        Assert.True(exit == 0, stdout);
        Assert.DoesNotContain("different", stdout);
        Assert.Contains("TOTAL: 1 suites, 1 composed, 1 equal", stdout);
        Assert.Equal(await File.ReadAllTextAsync(Path.Combine(_out, "same.apollo.canonical")), await File.ReadAllTextAsync(Path.Combine(_out, "same.ours.canonical")));
    }

    [Fact]
    public async Task An_unreachable_server_is_explained_without_a_path_of_one_machine()
    {
        var (_, _, stderr) = await Run(["--audit-url", "http://127.0.0.1:1"]);

        Assert.Contains("`npm start -- serve` in a checkout of graphql-hive/federation-gateway-audit", stderr);
        Assert.Contains("--audit-url <url>", stderr);
        Assert.DoesNotMatch(@"(?<![:/\w])/[\w.-]+/[\w.-]+", stderr); // no absolute file path (URLs and owner/repo are fine)
    }

    [Theory]
    [InlineData("unreachable", "error: cannot list the suites")]
    [InlineData("unknown-suite", "error: unknown suite(s): nope")]
    [InlineData("bad-option", "error: unknown option \"--nope\"")]
    [InlineData("canonical-without-out", "error: --canonical needs --out <dir>")]
    public async Task Bad_usage_or_an_unreachable_server_exits_two(string scenario, string message)
    {
        string[] args = scenario switch
        {
            "unreachable" => ["--audit-url", "http://127.0.0.1:1"],
            "unknown-suite" => ["--audit-url", _audit!.Url, "nope"],
            "bad-option" => ["--nope"],
            _ => ["--audit-url", _audit!.Url, "--canonical"],
        };

        var (exit, stdout, stderr) = await Run(args);

        Assert.Equal(2, exit);
        Assert.Empty(stdout);
        Assert.StartsWith(message, stderr);
    }
}
