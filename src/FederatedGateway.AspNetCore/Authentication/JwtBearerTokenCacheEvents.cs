using FederatedGateway.Execution.Requests;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.JsonWebTokens;

namespace FederatedGateway.AspNetCore.Authentication;

/// <summary>
/// The <see cref="ValidatedTokenCache"/> inside a JwtBearer scheme: a token the same scheme validated before is
/// accepted at once, and a token it validates now is remembered. Inside the scheme rather than in front of it because
/// the scheme has callers besides <see cref="GatewayAuthenticator"/>: with a single issuer ASP.NET Core makes it the
/// default scheme, and the authentication middleware WebApplication adds by itself then authenticates every request
/// before the gateway does (that bypassed a cache in front and cost 20-30% of the benchmark's throughput).
/// </summary>
internal static class JwtBearerTokenCacheEvents
{
    private const string BearerPrefix = "Bearer ";

    public static void Attach(JwtBearerOptions options, ValidatedTokenCache cache)
    {
        options.Events ??= new JwtBearerEvents();
        options.Events.OnMessageReceived = context => AcceptRemembered(context, cache);
        options.Events.OnTokenValidated = context => Remember(context, cache);
    }

    private static Task AcceptRemembered(MessageReceivedContext context, ValidatedTokenCache cache)
    {
        var authorization = context.Request.Headers.Authorization;
        if (authorization.Count == 1 && authorization[0] is { } header && header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase)
            && cache.TryGet(header.AsSpan(BearerPrefix.Length).Trim().ToString(), out var identity, out var scheme, countHit: false)
            && scheme == context.Scheme.Name)
        {
            context.Principal = identity.User;
            context.Success();
        }

        return Task.CompletedTask;
    }

    private static Task Remember(TokenValidatedContext context, ValidatedTokenCache cache)
    {
        if (context.SecurityToken is JsonWebToken token && context.Principal is { } principal)
        {
            cache.Add(context.Scheme.Name, token.EncodedToken, ClientIdentity.Authenticated(principal), DateTimeOffset.UtcNow);
        }

        return Task.CompletedTask;
    }
}
