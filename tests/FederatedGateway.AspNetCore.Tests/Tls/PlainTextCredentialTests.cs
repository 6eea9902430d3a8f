using FederatedGateway.AspNetCore.Tests.Infrastructure;

namespace FederatedGateway.AspNetCore.Tests.Tls;

/// <summary>In Production, a supergraph that would send credentials to a subgraph over plain http off loopback is refused at load.</summary>
public sealed class PlainTextCredentialTests
{
    private static Task<CountingGateway> StartAsync(string subgraphUrl, Dictionary<string, string?> settings) =>
        CountingGateway.StartAsync(gateway =>
        {
            gateway.SubgraphUrl = subgraphUrl;
            return Task.FromResult(settings);
        });

    [Theory]
    [InlineData("Gateway:ForwardedHeaders:0", "Authorization")]
    [InlineData("Gateway:Headers:All:0:Propagate", "Cookie")]
    public async Task Credentials_to_a_plain_http_subgraph_off_loopback_stop_the_start(string key, string header)
    {
        // 192.0.2.0/24 is reserved for documentation: never contacted, the check refuses before any fetch.
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => StartAsync("http://192.0.2.10:4000/graphql", new() { [key] = header }));

        Assert.Contains("in plain text", failure.Message, StringComparison.Ordinal);
        Assert.Contains("'hello'", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_claim_inserted_for_a_plain_http_subgraph_off_loopback_stops_the_start()
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => StartAsync("http://192.0.2.10:4000/graphql", new()
        {
            ["Gateway:Headers:Subgraphs:hello:0:Insert"] = "x-user-id",
            ["Gateway:Headers:Subgraphs:hello:0:FromClaim"] = "sub",
        }));

        Assert.Contains("x-user-id from claim sub", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Loopback_subgraphs_and_the_explicit_setting_are_allowed()
    {
        await using var loopback = await CountingGateway.StartAsync(new Dictionary<string, string?> { ["Gateway:ForwardedHeaders:0"] = "Authorization" });
        Assert.Equal(200, (await loopback.PostAsync("{ hello }", ("Authorization", "Bearer x"))).Status);

        await using var allowed = await StartAsync("http://192.0.2.10:4000/graphql", new()
        {
            ["Gateway:ForwardedHeaders:0"] = "Authorization",
            ["Gateway:Tls:AllowPlainTextCredentials"] = "true",
        });
        Assert.NotNull(allowed.Endpoint);
    }
}
