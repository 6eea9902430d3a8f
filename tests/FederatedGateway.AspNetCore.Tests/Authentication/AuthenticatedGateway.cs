using System.Text;
using System.Text.Json;
using FederatedGateway.AspNetCore.Tests.Infrastructure;
using FederatedGateway.Execution.Pipeline;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace FederatedGateway.AspNetCore.Tests.Authentication;

/// <summary>
/// A <see cref="CountingGateway"/> with two trusted issuers: "https://idp.test" publishing its keys at a JWKS URL (a
/// Kestrel endpoint that counts its fetches) and "https://partner.test" from a JWKS file; plus one API key.
/// </summary>
internal sealed class AuthenticatedGateway : IAsyncDisposable
{
    public const string ApiKey = "k3y-for-the-ci-bot";

    private CountingGateway? _gateway;
    private WebApplication? _jwks;
    private int _jwksFetches;

    public TokenIssuer Idp { get; } = new("https://idp.test");

    public TokenIssuer Partner { get; } = new("https://partner.test");

    public int SubgraphRequests => _gateway!.SubgraphRequests;

    public int JwksFetches => Volatile.Read(ref _jwksFetches);

    public string Endpoint => _gateway!.Endpoint;

    public static async Task<AuthenticatedGateway> StartAsync(bool required, IRequestStage? stage = null)
    {
        var gateway = new AuthenticatedGateway();
        await gateway.InitializeAsync(required, stage);
        return gateway;
    }

    private async Task InitializeAsync(bool required, IRequestStage? stage)
    {
        _jwks = await CountingGateway.StartAppAsync(app => app.MapGet("/jwks", context =>
        {
            Interlocked.Increment(ref _jwksFetches);
            context.Response.ContentType = "application/json";
            return context.Response.WriteAsync(Idp.Jwks());
        }));

        _gateway = await CountingGateway.StartAsync(async gateway =>
        {
            var partnerJwks = Path.Combine(gateway.Directory, "partner-jwks.json");
            await File.WriteAllTextAsync(partnerJwks, Partner.Jwks());
            return new Dictionary<string, string?>
            {
                ["Gateway:Authentication:Required"] = required ? "true" : "false",
                ["Gateway:Authentication:Jwt:0:Issuer"] = Idp.Issuer,
                ["Gateway:Authentication:Jwt:0:Audiences:0"] = "trading-gateway",
                ["Gateway:Authentication:Jwt:0:JwksUrl"] = _jwks.Urls.First() + "/jwks",
                ["Gateway:Authentication:Jwt:0:RequireHttpsJwks"] = "false",
                ["Gateway:Authentication:Jwt:0:ClockSkew"] = "00:00:05",
                ["Gateway:Authentication:Jwt:0:JwksMinimumRefreshInterval"] = "00:00:02",
                ["Gateway:Authentication:Jwt:1:Issuer"] = Partner.Issuer,
                ["Gateway:Authentication:Jwt:1:JwksFile"] = partnerJwks,
                ["Gateway:Authentication:ApiKeys:Keys:0:Name"] = "ci-bot",
                ["Gateway:Authentication:ApiKeys:Keys:0:Sha256"] = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(ApiKey))),
                ["Gateway:Authentication:ApiKeys:Keys:0:Scopes:0"] = "orders:read",
            };
        }, stage);
    }

    public Task<(int Status, JsonElement Body, string? Challenge)> PostAsync(string query, params (string Name, string Value)[] headers) =>
        _gateway!.PostAsync(query, headers);

    public static (string, string) Bearer(string token) => ("Authorization", "Bearer " + token);

    public async ValueTask DisposeAsync()
    {
        if (_gateway is not null)
        {
            await _gateway.DisposeAsync();
        }

        if (_jwks is not null)
        {
            await _jwks.StopAsync();
            await _jwks.DisposeAsync();
        }
    }
}
