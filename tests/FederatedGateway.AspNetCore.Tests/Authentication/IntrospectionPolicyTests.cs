using System.Text;
using FederatedGateway.AspNetCore.Tests.Infrastructure;

namespace FederatedGateway.AspNetCore.Tests.Authentication;

/// <summary>Introspection restricted to signed-in callers against the real gateway; <c>__typename</c> and queries stay open.</summary>
public sealed class IntrospectionPolicyTests
{
    private const string Key = "key-of-the-schema-tool";

    [Fact]
    public async Task Only_a_signed_in_caller_may_introspect()
    {
        await using var gateway = await CountingGateway.StartAsync(new Dictionary<string, string?>
        {
            ["Gateway:Introspection"] = "true",
            ["Gateway:Authorization:IntrospectionPolicy"] = "authenticated",
            ["Gateway:Authentication:ApiKeys:Keys:0:Name"] = "schema-tool",
            ["Gateway:Authentication:ApiKeys:Keys:0:Sha256"] = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(Key))),
        });
        const string introspection = "{ __schema { queryType { name } } }";

        var anonymous = await gateway.PostAsync(introspection);
        var signedIn = await gateway.PostAsync(introspection, ("X-Api-Key", Key));
        var typename = await gateway.PostAsync("{ __typename hello }");

        Assert.Equal("INTROSPECTION_UNAUTHORIZED", anonymous.Body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal("Query", signedIn.Body.GetProperty("data").GetProperty("__schema").GetProperty("queryType").GetProperty("name").GetString());
        Assert.Equal("world", typename.Body.GetProperty("data").GetProperty("hello").GetString());
    }
}
