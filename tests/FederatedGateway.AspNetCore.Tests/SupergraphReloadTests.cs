using System.Net.Http.Json;
using System.Text.Json;
using FederatedGateway.Demo;

namespace FederatedGateway.AspNetCore.Tests;

/// <summary>The gateway reloads its supergraph file when it changes, and keeps the old schema when the new one is invalid.</summary>
public sealed class SupergraphReloadTests : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "fgw-reload-" + Guid.NewGuid().ToString("N"));
    private DemoSubgraphHost? _subgraphs;
    private Microsoft.AspNetCore.Builder.WebApplication? _gateway;
    private readonly HttpClient _http = new();

    private string SupergraphFile => Path.Combine(_directory, "supergraph.graphql");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        File.Copy(DemoGateway.SupergraphPath, SupergraphFile);
        _subgraphs = await DemoSubgraphs.StartAsync(DemoPorts.Ephemeral);
        _gateway = await DemoGateway.StartAsync(_subgraphs, "http://127.0.0.1:0", supergraphPath: SupergraphFile);
    }

    public async Task DisposeAsync()
    {
        if (_gateway is not null)
        {
            await _gateway.DisposeAsync();
        }

        if (_subgraphs is not null)
        {
            await _subgraphs.DisposeAsync();
        }

        _http.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private async Task<JsonElement> Query(string query)
    {
        using var response = await _http.PostAsJsonAsync(DemoGateway.Address(_gateway!) + "/graphql", new { query });
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).Clone();
    }

    private async Task<bool> Eventually(Func<JsonElement, bool> condition, string query)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (condition(await Query(query)))
            {
                return true;
            }

            await Task.Delay(100);
        }

        return false;
    }

    [Fact]
    public async Task ChangedSupergraphIsSwappedInAndInvalidOneIsRejected()
    {
        const string query = "{ me { name desk } }";
        var before = await Query(query);
        Assert.Equal("Equities", before.GetProperty("data").GetProperty("me").GetProperty("desk").GetString());

        // Hide Trader.desk: the new schema no longer has it.
        var sdl = await File.ReadAllTextAsync(SupergraphFile);
        var hidden = HideField(sdl, "desk");
        await File.WriteAllTextAsync(SupergraphFile, hidden);
        Assert.True(
            await Eventually(r => r.TryGetProperty("errors", out var e) && e[0].GetProperty("extensions").GetProperty("code").GetString() == "GRAPHQL_VALIDATION_FAILED", query),
            "the gateway did not pick up the changed supergraph");

        // An invalid file is rejected: the last good schema keeps answering.
        await File.WriteAllTextAsync(SupergraphFile, "this is not a supergraph");
        await Task.Delay(1000);
        var after = await Query("{ me { name } }");
        Assert.Equal("Ada Lovelace", after.GetProperty("data").GetProperty("me").GetProperty("name").GetString());
    }

    private static string HideField(string sdl, string field)
    {
        var lines = sdl.Split('\n').ToList();
        var index = lines.FindIndex(l => l.TrimStart().StartsWith(field + ":", StringComparison.Ordinal));
        Assert.True(index >= 0, $"field {field} not found in the demo supergraph");
        lines[index] += " @inaccessible";
        var text = string.Join('\n', lines);
        return text.Contains("specs.apollo.dev/inaccessible", StringComparison.Ordinal)
            ? text
            : text.Replace("@link(url: \"https://specs.apollo.dev/link/v1.0\")", "@link(url: \"https://specs.apollo.dev/link/v1.0\")\n  @link(url: \"https://specs.apollo.dev/inaccessible/v0.2\", for: SECURITY)", StringComparison.Ordinal)
                + "\ndirective @inaccessible on FIELD_DEFINITION | OBJECT | INTERFACE | UNION | ARGUMENT_DEFINITION | SCALAR | ENUM | ENUM_VALUE | INPUT_OBJECT | INPUT_FIELD_DEFINITION\n";
    }
}
