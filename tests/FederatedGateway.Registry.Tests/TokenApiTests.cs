using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FederatedGateway.Testing.Services;

namespace FederatedGateway.Registry.Tests;

/// <summary>
/// Tokens managed through the API: an administrator makes one (its secret shown once, never listed), it works with
/// its scopes until revoked, non-administrators can do none of this, and every change is in the token audit log.
/// </summary>
public sealed class TokenApiTests
{
    [Fact]
    public Task Tokens_made_through_the_api_work_until_revoked_and_are_audited_on_Sqlite() => TokensAsync(null);

    [Fact]
    public async Task Tokens_made_through_the_api_work_until_revoked_and_are_audited_on_PostgreSql()
    {
        await using var postgres = await PostgresServer.StartAsync();
        await TokensAsync(postgres.ConnectionString);
    }

    private static async Task TokensAsync(string? postgres)
    {
        await using var registry = await RegistryHost.StartAsync(postgres);
        var tokens = registry.BaseAddress + "/registry/v1/tokens";
        using var admin = RegistryHost.Client(RegistryHost.AdminToken);

        using var made = await admin.PostAsJsonAsync(tokens, new { name = "team-orders", scopes = new[] { "publish:trading@prod" } });
        Assert.Equal(HttpStatusCode.Created, made.StatusCode);
        var token = await RegistryHost.ReadAsync(made);
        var secret = token.GetProperty("token").GetString()!;
        var id = token.GetProperty("id").GetString()!;
        Assert.StartsWith("fgwr_", secret);

        // It publishes as "team-orders" and may not do more than its scope.
        var (status, _) = await registry.PublishAsync("accounts", Subgraphs.Accounts, token: secret);
        Assert.Equal(201, status);
        Assert.Equal(403, (await registry.PublishAsync("accounts", Subgraphs.Accounts, token: secret, variant: "staging")).Status);
        var history = await admin.GetFromJsonAsync<JsonElement>(registry.VariantUrl() + "/versions");
        Assert.Equal("team-orders", history[0].GetProperty("author").GetString());

        // Listed without its secret or hash; only administrators manage tokens.
        var listed = await admin.GetStringAsync(tokens);
        Assert.Contains("team-orders", listed);
        Assert.DoesNotContain(secret, listed);
        Assert.DoesNotContain("sha256", listed, StringComparison.OrdinalIgnoreCase);
        using var ci = RegistryHost.Client(RegistryHost.CiToken);
        Assert.Equal(HttpStatusCode.Forbidden, (await ci.PostAsJsonAsync(tokens, new { name = "mine", scopes = new[] { "admin" } })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ci.GetAsync(tokens)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ci.DeleteAsync(tokens + "/" + id)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await RegistryHost.Client(null).GetAsync(tokens)).StatusCode);
        using var badScope = await admin.PostAsJsonAsync(tokens, new { name = "x", scopes = new[] { "write:everything" } });
        Assert.Equal(HttpStatusCode.BadRequest, badScope.StatusCode);
        Assert.Contains("write:everything", await badScope.Content.ReadAsStringAsync());

        // Revoked: refused from then on; revoking twice is a 404.
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync(tokens + "/" + id)).StatusCode);
        Assert.Equal(401, (await registry.PublishAsync("accounts", Subgraphs.AccountsWithEmail, token: secret)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync(tokens + "/" + id)).StatusCode);
        var revoked = (await admin.GetFromJsonAsync<JsonElement>(tokens)).EnumerateArray().Single(t => t.GetProperty("id").GetString() == id);
        Assert.Equal(JsonValueKind.String, revoked.GetProperty("revokedAt").ValueKind);

        // The log of token changes, newest first, with who did them.
        var audit = await admin.GetFromJsonAsync<JsonElement>(tokens + "/audit");
        Assert.Equal(
            [("admin", "token revoked", id), ("admin", "token created", $"team-orders ({id}): publish:trading@prod")],
            audit.EnumerateArray().Select(e => (e.GetProperty("actor").GetString(), e.GetProperty("action").GetString(), e.GetProperty("detail").GetString())));
    }
}
