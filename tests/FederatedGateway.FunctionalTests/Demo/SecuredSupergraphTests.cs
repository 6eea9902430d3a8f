using System.Text.RegularExpressions;
using FederatedGateway.Demo;

namespace FederatedGateway.FunctionalTests.Demo;

/// <summary>
/// <c>schemas/supergraph-grpc-secured.graphql</c> is written by hand (our composer does not compose the authorization
/// directives yet): it must stay the composed <c>supergraph-grpc.graphql</c> plus the <c>requiresScopes</c> link,
/// its definitions and the directives on fields, nothing else.
/// </summary>
public sealed partial class SecuredSupergraphTests
{
    [Fact]
    public void The_secured_demo_supergraph_is_the_composed_one_plus_requiresScopes()
    {
        var secured = File.ReadAllText(DemoGateway.SecuredSupergraphPath);
        Assert.Contains("@requiresScopes(scopes: [[\"trading:read\"]])", secured, StringComparison.Ordinal);
        Assert.Contains("@requiresScopes(scopes: [[\"risk:read\"]])", secured, StringComparison.Ordinal);

        var stripped = secured
            .Replace("  @link(url: \"https://specs.apollo.dev/requiresScopes/v0.1\", for: SECURITY)\n", "", StringComparison.Ordinal)
            .Replace("directive @requiresScopes(scopes: [[requiresScopes__Scope!]!]!) on FIELD_DEFINITION | OBJECT | INTERFACE | SCALAR | ENUM\n\n", "", StringComparison.Ordinal)
            .Replace("\n\nscalar requiresScopes__Scope\n", "\n", StringComparison.Ordinal);
        stripped = FieldDirective().Replace(stripped, "");

        Assert.Equal(File.ReadAllText(DemoGateway.SupergraphWithGrpcPath), stripped);
    }

    [GeneratedRegex(@" @requiresScopes\(scopes: \[(\[""[^""\]]+""(, ""[^""\]]+"")*\](, )?)+\]\)")]
    private static partial Regex FieldDirective();
}
