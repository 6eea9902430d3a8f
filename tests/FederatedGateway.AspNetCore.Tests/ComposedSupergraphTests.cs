using System.Net.Http.Json;
using System.Text.Json;
using FederatedGateway.AspNetCore.Loading;
using FederatedGateway.AspNetCore.Tests.Infrastructure;
using FederatedGateway.Demo;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace FederatedGateway.AspNetCore.Tests;

/// <summary>
/// <c>--config supergraph.yaml</c>: the gateway composes the listed subgraph schemas at start, recomposes when a
/// schema file changes, and keeps serving the last good composition when a change does not compose.
/// </summary>
public sealed class ComposedSupergraphTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("fgw-composed-").FullName;
    private readonly HttpClient _http = new();
    private DemoSubgraphHost? _subgraphs;

    private static string Schemas([System.Runtime.CompilerServices.CallerFilePath] string path = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", "..", "schemas"));

    private string Config => Path.Combine(_directory, "supergraph.yaml");

    public async Task InitializeAsync()
    {
        _subgraphs = await DemoSubgraphs.StartAsync(DemoPorts.Ephemeral);
        var yaml = "subgraphs:\n";
        foreach (var name in new[] { "accounts", "portfolio", "orders" })
        {
            File.Copy(Path.Combine(Schemas(), name + ".graphql"), Path.Combine(_directory, name + ".graphql"));
            yaml += $"  {name}:\n    routing_url: {_subgraphs.GetUrl(name)}\n    schema:\n      file: {name}.graphql\n";
        }

        await File.WriteAllTextAsync(Config, yaml);
    }

    public async Task DisposeAsync()
    {
        if (_subgraphs is not null)
        {
            await _subgraphs.DisposeAsync();
        }

        _http.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private static async Task<WebApplication> StartGatewayAsync(Dictionary<string, string?> settings, CollectingLoggerProvider? logs = null)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(logs is null ? LogLevel.Warning : LogLevel.Information);
        if (logs is not null)
        {
            builder.Logging.AddProvider(logs);
        }

        builder.Services.AddFederatedGatewayFromSupergraphFile(builder.Configuration);
        var app = builder.Build();
        app.MapFederatedGateway("/graphql");
        await app.StartAsync();
        return app;
    }

    private async Task<bool> Eventually(WebApplication gateway, string query, Func<JsonElement, bool> condition)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (condition(await Query(gateway, query)))
            {
                return true;
            }

            await Task.Delay(100);
        }

        return false;
    }

    private static bool HasDesk(JsonElement answer) =>
        answer.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object && data.GetProperty("me").TryGetProperty("desk", out _);

    /// <summary>Writes a file the way editors and deploy tools do: a temporary file renamed over the old one.</summary>
    private static async Task ReplaceAtomicallyAsync(string path, string text)
    {
        var temporary = path + ".tmp";
        await File.WriteAllTextAsync(temporary, text);
        File.Move(temporary, path, overwrite: true);
    }

    private async Task<JsonElement> Query(WebApplication gateway, string query)
    {
        using var response = await _http.PostAsJsonAsync(DemoGateway.Address(gateway) + "/graphql", new { query });
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).Clone();
    }

    [Fact]
    public async Task Composes_at_start_and_recomposes_when_a_schema_file_changes()
    {
        var logs = new CollectingLoggerProvider();
        await using var gateway = await StartGatewayAsync(new() { ["config"] = Config }, logs);

        var me = await Query(gateway, "{ me { name desk } }");
        Assert.Equal("Equities", me.GetProperty("data").GetProperty("me").GetProperty("desk").GetString());

        // A breaking change (a value type field resolved twice without @shareable) does not compose: the old graph keeps serving.
        var accounts = Path.Combine(_directory, "accounts.graphql");
        var original = await File.ReadAllTextAsync(accounts);
        await File.WriteAllTextAsync(accounts, original + "\ntype Order @key(fields: \"id\") { id: ID! status: String }\n");
        await Task.Delay(1500);
        me = await Query(gateway, "{ me { name desk } }");
        Assert.Equal("Equities", me.GetProperty("data").GetProperty("me").GetProperty("desk").GetString());
        Assert.NotEmpty(logs.AtLeast(LogLevel.Warning));
        Assert.All(logs.AtLeast(LogLevel.Warning), rejected =>
        {
            Assert.Equal(LogLevel.Error, rejected.Level);
            Assert.Contains("the previous schema keeps serving", rejected.Message, StringComparison.Ordinal);
            Assert.Contains("Composing", rejected.Message, StringComparison.Ordinal);
        });

        // Dropping a field from a subgraph schema recomposes without it.
        await File.WriteAllTextAsync(accounts, original.Replace("  \"The trading desk the trader sits on.\"\n  desk: String!\n", "", StringComparison.Ordinal));
        var gone = false;
        for (var attempt = 0; attempt < 100 && !gone; attempt++)
        {
            var answer = await Query(gateway, "{ me { desk } }");
            gone = answer.TryGetProperty("errors", out var errors) && errors[0].GetProperty("extensions").GetProperty("code").GetString() == "GRAPHQL_VALIDATION_FAILED";
            await Task.Delay(100);
        }

        Assert.True(gone, "the gateway did not recompose after the schema file changed");
    }

    [Fact]
    public async Task A_config_that_does_not_compose_stops_the_start_with_the_diagnostics()
    {
        await File.AppendAllTextAsync(Path.Combine(_directory, "accounts.graphql"), "\ntype Query { orders: [Int] }\n");

        var error = await Assert.ThrowsAsync<SupergraphLoadException>(() => StartGatewayAsync(new() { ["config"] = Config }));

        Assert.Contains("Composing", error.Message, StringComparison.Ordinal);
        Assert.Contains("INVALID_GRAPHQL: There can be only one type named \"Query\".", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Supergraph_and_config_together_are_refused()
    {
        var error = await Assert.ThrowsAsync<SupergraphLoadException>(() => StartGatewayAsync(new() { ["config"] = Config, ["supergraph"] = Path.Combine(Schemas(), "supergraph.graphql") }));

        Assert.Contains("not both", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Config_changes_are_watched_and_so_are_the_files_a_changed_config_names()
    {
        await using var gateway = await StartGatewayAsync(new() { ["config"] = Config });
        Assert.True(HasDesk(await Query(gateway, "{ me { desk } }")));

        // The config now takes accounts from a new file without Trader.desk (written as a rename over the old config).
        var original = await File.ReadAllTextAsync(Path.Combine(_directory, "accounts.graphql"));
        var withoutDesk = original.Replace("  \"The trading desk the trader sits on.\"\n  desk: String!\n", "", StringComparison.Ordinal);
        Assert.NotEqual(original, withoutDesk);
        var moved = Path.Combine(_directory, "accounts-v2.graphql");
        await File.WriteAllTextAsync(moved, withoutDesk);
        await ReplaceAtomicallyAsync(Config, (await File.ReadAllTextAsync(Config)).Replace("file: accounts.graphql", "file: accounts-v2.graphql", StringComparison.Ordinal));
        Assert.True(await Eventually(gateway, "{ me { desk } }", answer => !HasDesk(answer)), "the gateway did not recompose after the config changed");

        // The newly named file is watched: putting desk back in it recomposes again.
        await ReplaceAtomicallyAsync(moved, original);
        Assert.True(await Eventually(gateway, "{ me { desk } }", HasDesk), "the gateway did not watch the file the changed config names");
    }

    [Fact]
    public async Task Composition_hints_are_logged_at_start()
    {
        const string link = "extend schema @link(url: \"https://specs.apollo.dev/federation/v2.3\", import: [\"@shareable\"])\n";
        await File.WriteAllTextAsync(Path.Combine(_directory, "a.graphql"), link + "type Query { f(x: Int): Int @shareable }");
        await File.WriteAllTextAsync(Path.Combine(_directory, "b.graphql"), link + "type Query { f: Int @shareable }");
        var config = Path.Combine(_directory, "hints.yaml");
        await File.WriteAllTextAsync(config, "subgraphs:\n  a:\n    routing_url: http://127.0.0.1:9/graphql\n    schema: { file: a.graphql }\n  b:\n    routing_url: http://127.0.0.1:9/graphql\n    schema: { file: b.graphql }\n");
        var logs = new CollectingLoggerProvider();

        await using var gateway = await StartGatewayAsync(new() { ["config"] = config }, logs);

        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Information && e.Message.Contains("composition hint INCONSISTENT_ARGUMENT_PRESENCE", StringComparison.Ordinal));
        Assert.Empty(logs.AtLeast(LogLevel.Warning));
    }
}
