using FederatedGateway.FunctionalTests.Infrastructure;
using FederatedGateway.Testing.Processes;
using Xunit.Abstractions;

namespace FederatedGateway.FunctionalTests.Server;

/// <summary>
/// The gateway executable refusing to start: whatever the operator got wrong, the process exits 1 with an
/// <c>error:</c> line that says what, and prints no stack trace (on stdout or stderr), nor the host's own log of it.
/// </summary>
public sealed class ServerStartupFailureTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("fgw-server-failure-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData("missing supergraph", "Cannot read the supergraph file")]
    [InlineData("invalid supergraph", "cannot be loaded")]
    [InlineData("no supergraph", "No supergraph given")]
    [InlineData("missing config", "The supergraph config")]
    [InlineData("config that does not compose", "INVALID_GRAPHQL")]
    [InlineData("setting that does not parse", "'Gateway:SubgraphTimeout'")]
    [InlineData("setting out of range", "Gateway:Limits values must be zero")]
    public async Task Exits_with_one_and_the_message_without_a_stack_trace(string failure, string expected)
    {
        using var server = ServerProcess.Start([.. ArgumentsFor(failure), "--urls", "http://127.0.0.1:0"]);
        await StartupFailure.AssertReportedAsync(server, expected, output);
    }

    [Fact]
    public async Task A_port_in_use_is_named_in_one_line_with_the_option_that_moves_it()
    {
        using var held = LoopbackPorts.Held();
        var port = LoopbackPorts.PortOf(held);
        using var server = ServerProcess.Start(["--supergraph", TestPaths.Schemas("supergraph.graphql"), "--urls", $"http://127.0.0.1:{port}"]);

        var message = $"error: port {port} is in use (give another with --urls http://127.0.0.1:<port>)";
        await StartupFailure.AssertReportedAsync(server, message, output);
        Assert.Equal([message], StartupFailure.ErrorLines(server));
    }

    private string[] ArgumentsFor(string failure)
    {
        var demo = TestPaths.Schemas("supergraph.graphql");
        switch (failure)
        {
            case "missing supergraph":
                return ["--supergraph", Path.Combine(_directory, "nope.graphql")];
            case "invalid supergraph":
                File.WriteAllText(Path.Combine(_directory, "bad.graphql"), "type Query { this is not { graphql");
                return ["--supergraph", Path.Combine(_directory, "bad.graphql")];
            case "no supergraph":
                return [];
            case "missing config":
                return ["--config", Path.Combine(_directory, "nope.yaml")];
            case "config that does not compose":
                File.WriteAllText(Path.Combine(_directory, "a.graphql"), "type Query { a: Int");
                File.WriteAllText(Path.Combine(_directory, "supergraph.yaml"), "subgraphs:\n  a:\n    routing_url: http://127.0.0.1:9/graphql\n    schema:\n      file: a.graphql\n");
                return ["--config", Path.Combine(_directory, "supergraph.yaml")];
            case "setting that does not parse":
                return ["--supergraph", demo, "--Gateway:SubgraphTimeout", "abc"];
            case "setting out of range":
                return ["--supergraph", demo, "--Gateway:Limits:MaxDepth", "-5"];
            default:
                throw new ArgumentOutOfRangeException(nameof(failure), failure, "no such case");
        }
    }
}
