using System.Security.Cryptography;
using System.Text;
using FederatedGateway.Registry.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace FederatedGateway.Registry.Http;

/// <summary>
/// Access tokens managed through the API, by administrators only: <c>POST /tokens</c> makes one (its secret is in the
/// answer, once; only its SHA-256 is stored), <c>GET /tokens</c> lists them (never a secret or hash),
/// <c>DELETE /tokens/{id}</c> revokes one, <c>GET /tokens/audit</c> is the log of these changes.
/// </summary>
internal sealed class TokenEndpoints(IRegistryStore store, RegistryRequests requests, RegistrySettings settings, TimeProvider time)
{
    /// <summary>Secrets start with this, so scanners can spot a leaked one.</summary>
    public const string SecretPrefix = "fgwr_";

    public void Map(IEndpointRouteBuilder endpoints)
    {
        var tokens = settings.Path.TrimEnd('/') + "/tokens";
        endpoints.MapPost(tokens, CreateAsync);
        endpoints.MapGet(tokens, ListAsync);
        endpoints.MapGet(tokens + "/audit", AuditAsync);
        endpoints.MapDelete(tokens + "/{id}", RevokeAsync);
    }

    private async Task CreateAsync(HttpContext context)
    {
        if (!await requests.AuthorizeAdminAsync(context, "make tokens") || await requests.ReadAsync<CreateBody>(context) is not { } body)
        {
            return;
        }

        var scopes = body.Scopes ?? [];
        var bad = scopes.Where(s => RegistryScope.Parse(s) is null).ToList();
        if (string.IsNullOrWhiteSpace(body.Name) || body.Name.Length > 64 || scopes.Count == 0 || bad.Count > 0)
        {
            await RegistryRequests.Problem(context, StatusCodes.Status400BadRequest, "BAD_REQUEST",
                "A token needs \"name\" (1-64 characters) and \"scopes\": admin, read:<graph@variant|graph@*|*> or publish:<...>"
                + (bad.Count > 0 ? $" ('{string.Join("', '", bad)}' is not one)." : "."));
            return;
        }

        var secret = SecretPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var now = time.GetUtcNow();
        var token = new StoredToken(
            Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)), body.Name.Trim(),
            Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret))), scopes, now, RegistryRequests.CallerName(context), null);
        await store.SaveTokenAsync(token, new AuditEntry(GraphRef.Tokens, now, token.CreatedBy, "token created", $"{token.Name} ({token.Id}): {string.Join(' ', scopes)}"), context.RequestAborted);
        context.Response.StatusCode = StatusCodes.Status201Created;
        await context.Response.WriteAsJsonAsync(new { id = token.Id, name = token.Name, scopes, token = secret }, RegistryRequests.Json, context.RequestAborted);
    }

    private async Task ListAsync(HttpContext context)
    {
        if (!await requests.AuthorizeAdminAsync(context, "list tokens"))
        {
            return;
        }

        var tokens = await store.TokensAsync(context.RequestAborted);
        await context.Response.WriteAsJsonAsync(
            tokens.Select(t => new { id = t.Id, name = t.Name, scopes = t.Scopes, createdAt = t.CreatedAt, createdBy = t.CreatedBy, revokedAt = t.RevokedAt }),
            RegistryRequests.Json,
            context.RequestAborted);
    }

    private async Task RevokeAsync(HttpContext context)
    {
        if (!await requests.AuthorizeAdminAsync(context, "revoke tokens"))
        {
            return;
        }

        var id = (string)context.Request.RouteValues["id"]!;
        var now = time.GetUtcNow();
        var revoked = id.Length is > 0 and <= 64 && id.All(char.IsAsciiHexDigitLower)
            && await store.RevokeTokenAsync(id, now, new AuditEntry(GraphRef.Tokens, now, RegistryRequests.CallerName(context), "token revoked", id), context.RequestAborted);
        if (!revoked)
        {
            await RegistryRequests.Problem(context, StatusCodes.Status404NotFound, "NOT_FOUND", $"There is no active token {id}.");
            return;
        }

        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    private async Task AuditAsync(HttpContext context)
    {
        if (!await requests.AuthorizeAdminAsync(context, "read the token audit log"))
        {
            return;
        }

        var entries = await store.AuditAsync(GraphRef.Tokens, 200, context.RequestAborted);
        await context.Response.WriteAsJsonAsync(entries.Select(e => new { at = e.At, actor = e.Actor, action = e.Action, detail = e.Detail }), RegistryRequests.Json, context.RequestAborted);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private sealed record CreateBody(string? Name, List<string>? Scopes);
}
