using FederatedGateway.Cli.Tests.Infrastructure;
using FederatedGateway.Core.CompositionConfig;
using Microsoft.AspNetCore.Http;

namespace FederatedGateway.Cli.Tests;

/// <summary><c>schema: { subgraph_url }</c> against real Kestrel servers that do not behave like federation subgraphs: exit 2 with a message that says why.</summary>
public sealed class SubgraphUrlSourceTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("fgw-url-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private SupergraphConfig Config(string url)
    {
        var path = Path.Combine(_directory, "supergraph.yaml");
        File.WriteAllText(path, $"subgraphs:\n  stub:\n    routing_url: {url}\n    schema:\n      subgraph_url: {url}\n");
        return SupergraphConfigReader.Read(path);
    }

    private async Task<(int Exit, string Stdout, string Stderr)> Compose(string url)
    {
        Config(url);
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await new CliApp(stdout, stderr).RunAsync(["compose", "--config", Path.Combine(_directory, "supergraph.yaml")]);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Theory]
    [InlineData("no-service", "did not answer { _service { sdl } } (is it a federation subgraph?)")]
    [InlineData("http-500", "answered HTTP 500")]
    [InlineData("not-json", "did not answer JSON")]
    public async Task A_subgraph_that_does_not_answer_its_sdl_exits_two(string behaviour, string message)
    {
        await using var stub = await StubSubgraph.StartAsync(context => behaviour switch
        {
            "no-service" => Results.Json(new { data = (object?)null, errors = new[] { new { message = "Cannot query field \"_service\" on type \"Query\"." } } }).ExecuteAsync(context),
            "http-500" => Results.StatusCode(500).ExecuteAsync(context),
            _ => Results.Text("<html>hello</html>", "text/html").ExecuteAsync(context),
        });

        var (exit, stdout, stderr) = await Compose(stub.Url);

        Assert.Equal(2, exit);
        Assert.Empty(stdout);
        Assert.StartsWith($"error: subgraph \"stub\": {stub.Url}", stderr);
        Assert.Contains(message, stderr);
    }

    [Fact]
    public async Task A_subgraph_that_does_not_answer_in_time_is_a_timeout_error()
    {
        await using var stub = await StubSubgraph.StartAsync(async context => await Task.Delay(TimeSpan.FromSeconds(10), context.RequestAborted));
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(1) };

        var error = await Assert.ThrowsAsync<SupergraphConfigException>(() => new SubgraphSourceLoader(http).LoadAsync(Config(stub.Url), CancellationToken.None));

        Assert.Equal($"subgraph \"stub\": {stub.Url} did not answer within 1 s.", error.Message);
    }

    [Fact]
    public async Task The_sdl_of_a_running_subgraph_is_composed()
    {
        const string sdl = "extend schema @link(url: \"https://specs.apollo.dev/federation/v2.3\", import: [\"@key\"]) type Query { hello: String }";
        await using var stub = await StubSubgraph.StartAsync(context => Results.Json(new { data = new { _service = new { sdl } } }).ExecuteAsync(context));

        var (exit, stdout, stderr) = await Compose(stub.Url);

        Assert.True(exit == 0, stderr);
        Assert.Contains($"@join__graph(name: \"stub\", url: \"{stub.Url}\")", stdout);
        Assert.Contains("hello: String", stdout);
    }
}
