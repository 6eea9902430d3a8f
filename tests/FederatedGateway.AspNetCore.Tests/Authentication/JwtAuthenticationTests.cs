using System.Text.Json;
using FederatedGateway.Core.Operations;
using FederatedGateway.Execution.Pipeline;
using Microsoft.IdentityModel.Tokens;
using static FederatedGateway.AspNetCore.Tests.Authentication.AuthenticatedGateway;

namespace FederatedGateway.AspNetCore.Tests.Authentication;

/// <summary>
/// Authentication against the real gateway with authentication required: JWTs from two issuers (JWKS URL and file),
/// API keys, and every way a credential can be wrong. A refused request gets 401 with <c>UNAUTHENTICATED</c> and the
/// subgraph never sees it.
/// </summary>
public sealed class JwtAuthenticationTests : IAsyncLifetime
{
    private const string Hello = "{ hello }";

    /// <summary>Answers operations named WhoAmI with an error carrying the identity's sub and scope: shows what reached the request context.</summary>
    private sealed class WhoAmIStage : IRequestStage
    {
        public int Order => RequestStageOrder.Authorize;

        public ValueTask InvokeAsync(RequestContext context, RequestStageDelegate next)
        {
            if (context.Operation?.Name == "WhoAmI")
            {
                var user = context.User;
                context.Reject(RequestError.Of($"sub={user?.FindFirst("sub")?.Value} scope={user?.FindFirst("scope")?.Value}", "WHO_AM_I"));
                return ValueTask.CompletedTask;
            }

            return next(context);
        }
    }

    private AuthenticatedGateway _gateway = null!;

    public async Task InitializeAsync() => _gateway = await StartAsync(required: true, new WhoAmIStage());

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    [Fact]
    public async Task A_valid_token_from_the_JWKS_URL_issuer_is_served()
    {
        var (status, body, _) = await _gateway.PostAsync(Hello, Bearer(_gateway.Idp.Token()));

        Assert.Equal(200, status);
        Assert.Equal("world", body.GetProperty("data").GetProperty("hello").GetString());
        Assert.Equal(1, _gateway.SubgraphRequests);
    }

    [Fact]
    public async Task A_valid_token_from_the_JWKS_file_issuer_is_served_without_an_audience_check()
    {
        var (status, body, _) = await _gateway.PostAsync(Hello, Bearer(_gateway.Partner.Token(audience: "anything")));

        Assert.Equal(200, status);
        Assert.Equal("world", body.GetProperty("data").GetProperty("hello").GetString());
    }

    [Fact]
    public async Task The_identity_and_its_scopes_live_on_the_request_context()
    {
        var (_, body, _) = await _gateway.PostAsync("query WhoAmI { hello }", Bearer(_gateway.Idp.Token(subject: "grace", scope: "orders:read orders:write")));

        Assert.Equal("sub=grace scope=orders:read orders:write", Error(body).GetProperty("message").GetString());
    }

    [Fact]
    public async Task An_API_key_authenticates_as_its_name_with_its_scopes()
    {
        var (_, body, _) = await _gateway.PostAsync("query WhoAmI { hello }", ("X-Api-Key", ApiKey));

        Assert.Equal("sub=ci-bot scope=orders:read", Error(body).GetProperty("message").GetString());
    }

    public static TheoryData<string, string> RefusedCredentials => new()
    {
        { "none", "Authentication required" },
        { "expired", "expired" },
        { "wrong-audience", "audience" },
        { "untrusted-issuer", "issuer is not trusted" },
        { "alg-none", "not a well-formed signed JWT" },
        { "garbage", "not a well-formed signed JWT" },
        { "forged-signature", "signature is not valid" },
        { "unknown-kid", "unknown key" },
        { "basic-scheme", "one bearer token" },
        { "wrong-api-key", "API key is not valid" },
        { "huge-api-key", "API key is malformed" },
    };

    [Theory]
    [MemberData(nameof(RefusedCredentials))]
    public async Task Refused_credentials_get_401_UNAUTHENTICATED_and_nothing_is_fetched(string credential, string reason)
    {
        var idp = _gateway.Idp;
        (string, string)[] headers = credential switch
        {
            "none" => [],
            "expired" => [Bearer(idp.Token(lifetime: TimeSpan.FromMinutes(-5)))],
            "wrong-audience" => [Bearer(idp.Token(audience: "another-api"))],
            "untrusted-issuer" => [Bearer(new TokenIssuer("https://evil.test").Token())],
            "alg-none" => [Bearer(idp.UnsignedToken())],
            "garbage" => [Bearer("not.a.jwt")],
            "forged-signature" => [Bearer(idp.Token(key: TokenIssuer.NewKey(), keyId: idp.Current.KeyId))],
            "unknown-kid" => [Bearer(idp.Token(key: TokenIssuer.NewKey()))],
            "basic-scheme" => [("Authorization", "Basic YWxpY2U6c2VjcmV0")],
            "wrong-api-key" => [("X-Api-Key", "guessed")],
            "huge-api-key" => [("X-Api-Key", new string('k', 4000))],
            _ => throw new ArgumentOutOfRangeException(nameof(credential)),
        };

        var (status, body, challenge) = await _gateway.PostAsync(Hello, headers);

        Assert.Equal(401, status);
        Assert.Equal("Bearer", challenge);
        var error = Error(body);
        Assert.Equal("UNAUTHENTICATED", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Contains(reason, error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.False(body.TryGetProperty("data", out _));
        Assert.Equal(0, _gateway.SubgraphRequests);
    }

    [Fact]
    public async Task A_flood_of_unknown_key_ids_fetches_the_key_set_a_bounded_number_of_times()
    {
        await _gateway.PostAsync(Hello, Bearer(_gateway.Idp.Token()));
        var stranger = TokenIssuer.NewKey();
        var tokens = Enumerable.Range(0, 200).Select(i => _gateway.Idp.Token(key: stranger, keyId: "made-up-" + i)).ToList();
        var before = _gateway.JwksFetches;
        var clock = System.Diagnostics.Stopwatch.StartNew();

        foreach (var token in tokens)
        {
            var (status, _, _) = await _gateway.PostAsync(Hello, Bearer(token));
            Assert.Equal(401, status);
        }

        // At most one refresh per JwksMinimumRefreshInterval (2 s here), however many made-up key ids arrive.
        var allowed = 2 + (int)(clock.Elapsed.TotalSeconds / 2);
        var fetches = _gateway.JwksFetches - before;
        Assert.True(fetches <= allowed, $"{fetches} key set fetches for 200 unknown key ids in {clock.Elapsed.TotalSeconds:F1} s (allowed {allowed})");
    }

    [Fact]
    public async Task A_rotated_signing_key_is_picked_up_from_the_JWKS_URL()
    {
        Assert.Equal(200, (await _gateway.PostAsync(Hello, Bearer(_gateway.Idp.Token()))).Status);
        _gateway.Idp.Rotate();
        await Task.Delay(TimeSpan.FromSeconds(2.5)); // past JwksMinimumRefreshInterval

        // The first token with the new key makes the gateway fetch the key set again (in the background); from then
        // on the key is known. Bounded: 10 attempts, 250 ms apart.
        var statuses = new List<int>();
        for (var attempt = 0; attempt < 10 && statuses.LastOrDefault() != 200; attempt++)
        {
            if (attempt > 0)
            {
                await Task.Delay(250);
            }

            statuses.Add((await _gateway.PostAsync(Hello, Bearer(_gateway.Idp.Token()))).Status);
        }

        Assert.Equal(200, statuses.Last());
    }

    [Fact]
    public async Task An_oversized_authorization_header_is_refused_with_a_4xx()
    {
        var (status, _, _) = await _gateway.PostAsync(Hello, ("Authorization", "Bearer " + new string('a', 64 * 1024)));

        Assert.InRange(status, 400, 499);
        Assert.Equal(0, _gateway.SubgraphRequests);
    }

    private static JsonElement Error(JsonElement body) => body.GetProperty("errors")[0];
}
