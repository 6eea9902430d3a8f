using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FederatedGateway.Testing.Services;

namespace FederatedGateway.Registry.Tests;

/// <summary>
/// The registry's HTTP API end to end, against a SQLite file and against a real PostgreSQL: versions from publishes,
/// refusals that change nothing, checks that name breaking coordinates, rollback, long poll, and linear history
/// under concurrent publishes.
/// </summary>
public sealed class RegistryApiTests
{
    [Fact]
    public Task Publish_check_delete_and_rollback_on_Sqlite() => LifecycleAsync(null);

    [Fact]
    public async Task Publish_check_delete_and_rollback_on_PostgreSql()
    {
        await using var postgres = await PostgresServer.StartAsync();
        await LifecycleAsync(postgres.ConnectionString);
    }

    [Fact]
    public Task Twenty_concurrent_publishes_on_Sqlite_each_land_as_their_own_version() => ConcurrentAsync(null);

    [Fact]
    public async Task Twenty_concurrent_publishes_on_PostgreSql_each_land_as_their_own_version()
    {
        await using var postgres = await PostgresServer.StartAsync();
        await ConcurrentAsync(postgres.ConnectionString);
    }

    private static async Task LifecycleAsync(string? postgres)
    {
        await using var registry = await RegistryHost.StartAsync(postgres);
        Assert.Equal((201, 1), Versioned(await registry.PublishAsync("accounts", Subgraphs.Accounts, commit: "abc123")));
        Assert.Equal((201, 2), Versioned(await registry.PublishAsync("orders", Subgraphs.Orders)));
        Assert.Equal((201, 3), Versioned(await registry.PublishAsync("portfolio", Subgraphs.Portfolio)));

        // The same schema again: no new version.
        var (same, sameBody) = await registry.PublishAsync("portfolio", Subgraphs.Portfolio);
        Assert.Equal((200, "Unchanged", 3), (same, sameBody.GetProperty("status").GetString(), sameBody.GetProperty("version").GetInt32()));

        // One that does not compose: refused with the composer's errors, nothing changes.
        var (refused, refusal) = await registry.PublishAsync("accounts", Subgraphs.AccountsNotComposing);
        Assert.Equal(422, refused);
        Assert.NotEmpty(refusal.GetProperty("errors").EnumerateArray());
        Assert.Equal(3, await CurrentVersionAsync(registry));

        // Checks: compatible, then breaking with its coordinate; neither changes anything.
        var compatible = await CheckAsync(registry, "accounts", Subgraphs.AccountsWithEmail);
        Assert.True(compatible.GetProperty("passed").GetBoolean());
        Assert.Contains(compatible.GetProperty("changes").EnumerateArray(), c => c.GetProperty("coordinate").GetString() == "Trader.email" && c.GetProperty("criticality").GetString() == "safe");
        var breaking = await CheckAsync(registry, "accounts", Subgraphs.AccountsWithoutDesk);
        Assert.False(breaking.GetProperty("passed").GetBoolean());
        Assert.Contains(breaking.GetProperty("changes").EnumerateArray(), c => c.GetProperty("coordinate").GetString() == "Trader.desk" && c.GetProperty("criticality").GetString() == "breaking");
        Assert.Equal(3, await CurrentVersionAsync(registry));

        // Each check is kept and linkable.
        using (var reader = RegistryHost.Client(RegistryHost.GatewayToken))
        {
            var kept = await RegistryHost.ReadAsync(await reader.GetAsync(breaking.GetProperty("link").GetString()));
            Assert.Equal(breaking.GetProperty("id").GetString(), kept.GetProperty("id").GetString());
            Assert.False(kept.GetProperty("passed").GetBoolean());
            Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync(registry.VariantUrl() + "/checks/0123456789abcdef01234567")).StatusCode);
        }

        // Delete, then roll back to version 3: a new version with version 3's supergraph.
        using var ci = RegistryHost.Client(RegistryHost.CiToken);
        using (var deleted = await ci.DeleteAsync(registry.VariantUrl() + "/subgraphs/portfolio"))
        {
            Assert.Equal(HttpStatusCode.Created, deleted.StatusCode);
        }

        using var admin = RegistryHost.Client(RegistryHost.AdminToken);
        using var rollback = await admin.PostAsJsonAsync(registry.VariantUrl() + "/rollback", new { version = 3 });
        var rolledBack = await RegistryHost.ReadAsync(rollback);
        Assert.Equal(HttpStatusCode.Created, rollback.StatusCode);
        Assert.Equal(5, rolledBack.GetProperty("version").GetInt32());

        var history = await RegistryHost.ReadAsync(await ci.GetAsync(registry.VariantUrl() + "/versions"));
        Assert.Equal([5, 4, 3, 2, 1], history.EnumerateArray().Select(v => v.GetProperty("version").GetInt32()));
        Assert.Equal(Hash(history, 3), Hash(history, 5));
        Assert.Equal("rollback to 3", history[0].GetProperty("action").GetString());
        Assert.Equal(("ci", "abc123"), (history[4].GetProperty("author").GetString(), history[4].GetProperty("commit").GetString()));

        var audit = await RegistryHost.ReadAsync(await admin.GetAsync(registry.VariantUrl() + "/audit"));
        Assert.Contains(audit.EnumerateArray(), e => e.GetProperty("action").GetString() == "publish accounts refused");
        Assert.Contains(audit.EnumerateArray(), e => e.GetProperty("action").GetString() == "rollback to 3" && e.GetProperty("actor").GetString() == "admin");
    }

    private static async Task ConcurrentAsync(string? postgres)
    {
        await using var registry = await RegistryHost.StartAsync(postgres);
        var outcomes = await Task.WhenAll(Enumerable.Range(1, 20).Select(n => registry.PublishAsync("sub" + n, Subgraphs.Numbered(n))));

        Assert.All(outcomes, o => Assert.Equal(201, o.Status));
        Assert.Equal(Enumerable.Range(1, 20), outcomes.Select(o => o.Body.GetProperty("version").GetInt32()).Order());
        using var ci = RegistryHost.Client(RegistryHost.CiToken);
        var history = await RegistryHost.ReadAsync(await ci.GetAsync(registry.VariantUrl() + "/versions?limit=100"));
        Assert.Equal(Enumerable.Range(1, 20).Reverse(), history.EnumerateArray().Select(v => v.GetProperty("version").GetInt32()));
        Assert.Equal(20, history[0].GetProperty("subgraphs").GetArrayLength());
    }

    [Fact]
    public async Task A_gateway_waiting_on_the_supergraph_gets_the_next_version_as_soon_as_it_is_published()
    {
        await using var registry = await RegistryHost.StartAsync();
        await registry.PublishAsync("accounts", Subgraphs.Accounts);
        using var gateway = RegistryHost.Client(RegistryHost.GatewayToken);
        using var first = await gateway.GetAsync(registry.VariantUrl() + "/supergraph");
        var etag = first.Headers.ETag!.Tag;
        Assert.Contains("type Trader", await first.Content.ReadAsStringAsync());

        using (var unchanged = new HttpRequestMessage(HttpMethod.Get, registry.VariantUrl() + "/supergraph?wait=1") { Headers = { { "If-None-Match", etag } } })
        {
            Assert.Equal(HttpStatusCode.NotModified, (await gateway.SendAsync(unchanged)).StatusCode);
        }

        using var waiting = new HttpRequestMessage(HttpMethod.Get, registry.VariantUrl() + "/supergraph?wait=30") { Headers = { { "If-None-Match", etag } } };
        var poll = gateway.SendAsync(waiting);
        await Task.Delay(200);
        Assert.False(poll.IsCompleted);
        var published = DateTime.UtcNow;
        await registry.PublishAsync("orders", Subgraphs.Orders);
        using var next = await poll;

        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        Assert.Equal("2", next.Headers.GetValues("X-Fgw-Version").Single());
        Assert.Contains("type Order", await next.Content.ReadAsStringAsync());
        Assert.True(DateTime.UtcNow - published < TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Tokens_scopes_and_bad_requests_are_answered_with_clear_codes()
    {
        await using var registry = await RegistryHost.StartAsync();
        Assert.Equal(401, (await registry.PublishAsync("accounts", Subgraphs.Accounts, token: "nope")).Status);
        var (forbidden, reason) = await registry.PublishAsync("accounts", Subgraphs.Accounts, token: RegistryHost.GatewayToken);
        Assert.Equal(403, forbidden);
        Assert.Contains("may not publish trading@prod", reason.GetProperty("message").GetString());
        Assert.Equal(403, (await registry.PublishAsync("accounts", Subgraphs.Accounts, variant: "staging")).Status);

        using var ci = RegistryHost.Client(RegistryHost.CiToken);
        using var notJson = await ci.PostAsync(registry.VariantUrl() + "/subgraphs/accounts", new StringContent("{nope"));
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        using var noSdl = await ci.PostAsJsonAsync(registry.VariantUrl() + "/subgraphs/accounts", new { url = "http://x" });
        Assert.Equal(HttpStatusCode.BadRequest, noSdl.StatusCode);
        using var badName = await ci.PostAsJsonAsync(registry.VariantUrl() + "/subgraphs/bad.name", new { url = "http://x", sdl = Subgraphs.Accounts });
        Assert.Equal(HttpStatusCode.BadRequest, badName.StatusCode);
        using var huge = await ci.PostAsJsonAsync(registry.VariantUrl() + "/subgraphs/accounts", new { url = "http://x", sdl = new string('#', 6 * 1024 * 1024) });
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
        using var missing = await ci.GetAsync(registry.VariantUrl() + "/supergraph");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        using var admin = RegistryHost.Client(RegistryHost.AdminToken);
        using var noVersion = await admin.PostAsJsonAsync(registry.VariantUrl() + "/rollback", new { version = 9 });
        Assert.Equal(HttpStatusCode.NotFound, noVersion.StatusCode);
    }

    private static (int, int) Versioned((int Status, JsonElement Body) outcome) => (outcome.Status, outcome.Body.GetProperty("version").GetInt32());

    private static string Hash(JsonElement history, int version) =>
        history.EnumerateArray().Single(v => v.GetProperty("version").GetInt32() == version).GetProperty("hash").GetString()!;

    private static async Task<int> CurrentVersionAsync(RegistryHost registry)
    {
        using var client = RegistryHost.Client(RegistryHost.GatewayToken);
        using var response = await client.GetAsync(registry.VariantUrl() + "/supergraph");
        return int.Parse(response.Headers.GetValues("X-Fgw-Version").Single(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<JsonElement> CheckAsync(RegistryHost registry, string name, string sdl)
    {
        using var client = RegistryHost.Client(RegistryHost.CiToken);
        using var response = await client.PostAsJsonAsync($"{registry.VariantUrl()}/subgraphs/{name}/check", new { sdl });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await RegistryHost.ReadAsync(response);
    }
}
