using System.Text;
using FederatedGateway.AspNetCore.Headers;
using FederatedGateway.AspNetCore.Tests.Infrastructure;

namespace FederatedGateway.AspNetCore.Tests.Headers;

/// <summary>Header propagation against the real gateway: what the subgraph receives is exactly what the rules put there.</summary>
public sealed class HeaderPropagationTests
{
    private const string Key = "key-of-the-desk";

    private static readonly (string, string)[] ClientHeaders =
    [
        ("X-Api-Key", Key), ("x-trader-id", "t7"), ("x-request-id", "r-1"), ("x-secret", "s3cr3t"), ("Cookie", "session=abc"),
    ];

    private static Dictionary<string, string?> Rules() => new()
    {
        ["Gateway:Authentication:ApiKeys:Keys:0:Name"] = "desk-7",
        ["Gateway:Authentication:ApiKeys:Keys:0:Sha256"] = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(Key))),
        ["Gateway:Headers:All:0:Propagate"] = "x-trader-id",
        ["Gateway:Headers:All:1:Propagate"] = "x-request-id",
        ["Gateway:Headers:All:1:Rename"] = "x-correlation-id",
        ["Gateway:Headers:All:2:Insert"] = "x-gateway",
        ["Gateway:Headers:All:2:Value"] = "fgw",
        ["Gateway:Headers:All:3:Insert"] = "x-tenant",
        ["Gateway:Headers:All:3:Value"] = "emea",
        ["Gateway:Headers:Subgraphs:hello:0:Insert"] = "x-user-id",
        ["Gateway:Headers:Subgraphs:hello:0:FromClaim"] = "sub",
        ["Gateway:Headers:Subgraphs:hello:1:Remove"] = "x-gateway",
        ["Gateway:Headers:Subgraphs:elsewhere:0:Remove"] = "x-trader-id",
    };

    [Fact]
    public async Task Without_rules_no_client_header_reaches_a_subgraph()
    {
        await using var gateway = await CountingGateway.StartAsync([]);

        await gateway.PostAsync("{ hello }", ClientHeaders);

        var received = gateway.LastSubgraphHeaders;
        Assert.DoesNotContain("x-trader-id", received.Keys);
        Assert.DoesNotContain("x-secret", received.Keys);
        Assert.DoesNotContain("cookie", received.Keys);
        Assert.DoesNotContain("x-api-key", received.Keys);
    }

    [Fact]
    public async Task Rules_for_all_subgraphs_then_the_subgraphs_own_decide_exactly_what_it_receives()
    {
        await using var gateway = await CountingGateway.StartAsync(Rules());

        var (status, _, _) = await gateway.PostAsync("{ hello }", ClientHeaders);

        Assert.Equal(200, status);
        var received = gateway.LastSubgraphHeaders;
        Assert.Equal("t7", received["x-trader-id"]); // propagated (the other subgraph's Remove does not apply here)
        Assert.Equal("r-1", received["x-correlation-id"]); // propagated under a new name
        Assert.DoesNotContain("x-request-id", received.Keys);
        Assert.Equal("emea", received["x-tenant"]); // inserted for all
        Assert.Equal("desk-7", received["x-user-id"]); // from the caller's claim, for this subgraph
        Assert.DoesNotContain("x-gateway", received.Keys); // inserted for all, removed for this subgraph
        Assert.DoesNotContain("x-secret", received.Keys);
        Assert.DoesNotContain("x-api-key", received.Keys);
        Assert.DoesNotContain("cookie", received.Keys);
    }

    [Fact]
    public async Task A_claim_the_caller_does_not_have_sends_nothing()
    {
        await using var gateway = await CountingGateway.StartAsync(Rules());

        await gateway.PostAsync("{ hello }", ("x-trader-id", "t7"));

        Assert.DoesNotContain("x-user-id", gateway.LastSubgraphHeaders.Keys);
        Assert.Equal("t7", gateway.LastSubgraphHeaders["x-trader-id"]);
    }

    [Theory]
    [InlineData("Propagate", "Connection", "never propagated")]
    [InlineData("Insert", "Host", "never propagated")]
    [InlineData("Insert", "x-ok", "exactly one of Value and FromClaim")]
    public void Rules_that_cannot_work_are_refused_at_start(string kind, string name, string problem)
    {
        var rule = kind == "Propagate" ? new HeaderRuleSettings { Propagate = name } : new HeaderRuleSettings { Insert = name, Value = name == "Host" ? "x" : null };
        var settings = new HeaderSettings { All = [rule] };

        Assert.Contains(settings.Problems(), p => p.Contains(problem, StringComparison.Ordinal) && p.StartsWith("Gateway:Headers:All:0", StringComparison.Ordinal));
    }
}
