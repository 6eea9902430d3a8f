using System.Diagnostics.Metrics;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using FederatedGateway.AspNetCore.Authentication;
using FederatedGateway.Execution.Requests;
using static FederatedGateway.AspNetCore.Tests.Authentication.AuthenticatedGateway;

namespace FederatedGateway.AspNetCore.Tests.Authentication;

/// <summary>
/// A validated bearer token is remembered by its exact text for at most the cache time and never past its own
/// <c>exp</c>; the same token on later requests is not validated again.
/// </summary>
public sealed class ValidatedTokenCacheTests
{
    private static ClientIdentity IdentityExpiringAt(DateTimeOffset exp) =>
        ClientIdentity.Authenticated(new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim("sub", "alice"), new Claim("exp", exp.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture))], "test")));

    [Fact]
    public async Task An_entry_ends_with_the_token_s_own_expiry()
    {
        using var cache = new ValidatedTokenCache(TimeSpan.FromMinutes(5), 100);
        var now = DateTimeOffset.UtcNow;
        cache.Add("s", "token-a", IdentityExpiringAt(now.AddSeconds(2)), now);
        Assert.True(cache.TryGet("token-a", out var identity, out var scheme));
        Assert.Equal("alice", identity.User!.FindFirst("sub")!.Value);
        Assert.Equal("s", scheme);

        await Task.Delay(TimeSpan.FromSeconds(3));

        Assert.False(cache.TryGet("token-a", out _, out _));
    }

    [Fact]
    public async Task An_entry_ends_after_the_cache_time_even_when_the_token_lives_longer()
    {
        using var cache = new ValidatedTokenCache(TimeSpan.FromSeconds(1), 100);
        var now = DateTimeOffset.UtcNow;
        cache.Add("s", "token-b", IdentityExpiringAt(now.AddHours(1)), now);
        Assert.True(cache.TryGet("token-b", out _, out _));

        await Task.Delay(TimeSpan.FromSeconds(2));

        Assert.False(cache.TryGet("token-b", out _, out _));
    }

    [Fact]
    public void Expired_tokens_tokens_without_exp_and_a_disabled_cache_are_not_remembered()
    {
        var now = DateTimeOffset.UtcNow;
        using var cache = new ValidatedTokenCache(TimeSpan.FromMinutes(1), 100);
        cache.Add("s", "expired", IdentityExpiringAt(now.AddSeconds(-1)), now);
        cache.Add("s", "no-exp", ClientIdentity.Authenticated(new ClaimsPrincipal(new ClaimsIdentity([new Claim("sub", "x")], "test"))), now);
        Assert.False(cache.TryGet("expired", out _, out _));
        Assert.False(cache.TryGet("no-exp", out _, out _));

        using var off = new ValidatedTokenCache(TimeSpan.Zero, 100);
        off.Add("s", "token", IdentityExpiringAt(now.AddHours(1)), now);
        Assert.False(off.TryGet("token", out _, out _));
    }

    [Fact]
    public async Task The_gateway_validates_a_repeated_token_once_and_never_remembers_a_refused_one()
    {
        long remembered = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Name == "fgw.authentication.cached_tokens")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref remembered, value));
        listener.Start();
        await using var gateway = await StartAsync(required: true);
        var token = gateway.Idp.Token();
        var forged = token[..^4] + (token[^4..] == "AAAA" ? "BBBB" : "AAAA");

        var statuses = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await gateway.PostAsync("{ hello }", Bearer(token))).Status);
            statuses.Add((await gateway.PostAsync("{ hello }", Bearer(forged))).Status);
        }

        Assert.Equal(new[] { 200, 401, 200, 401, 200, 401 }, statuses);
        // Other tests' gateways in this process can only add to the count.
        Assert.True(Interlocked.Read(ref remembered) >= 2, $"{remembered} requests served from the cache");
    }

    [Fact]
    public async Task The_scheme_itself_validates_a_repeated_token_once_whoever_asks_it()
    {
        // With a single issuer ASP.NET Core makes its scheme the default, and the authentication middleware then
        // authenticates each request before the gateway does: the cache must work for every caller of the scheme.
        var idp = new TokenIssuer("https://only.test");
        var jwks = Path.Combine(Path.GetTempPath(), "fgw-jwks-" + Guid.NewGuid().ToString("N") + ".json");
        await File.WriteAllTextAsync(jwks, idp.Jwks());
        try
        {
            var scheme = GatewayAuthenticator.JwtSchemeName(idp.Issuer);
            var validations = 0;
            var services = new ServiceCollection();
            services.AddLogging();
            services.AddGatewayAuthentication(new AuthenticationSettings
            {
                Jwt = [new JwtIssuerSettings { Issuer = idp.Issuer, Audiences = ["trading-gateway"], JwksFile = jwks }],
            });
            services.PostConfigure<JwtBearerOptions>(scheme, options =>
            {
                var remember = options.Events.OnTokenValidated;
                options.Events.OnTokenValidated = context =>
                {
                    Interlocked.Increment(ref validations);
                    return remember(context);
                };
            });
            await using var provider = services.BuildServiceProvider();
            var token = idp.Token();

            var outcomes = new List<bool>();
            for (var i = 0; i < 3; i++)
            {
                await using var scope = provider.CreateAsyncScope();
                var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
                context.Request.Headers.Authorization = "Bearer " + token;
                var result = await context.AuthenticateAsync(scheme);
                outcomes.Add(result.Succeeded && result.Principal!.FindFirst("sub") is not null);
            }

            Assert.Equal([true, true, true], outcomes);
            Assert.Equal(1, validations);
        }
        finally
        {
            File.Delete(jwks);
        }
    }
}
