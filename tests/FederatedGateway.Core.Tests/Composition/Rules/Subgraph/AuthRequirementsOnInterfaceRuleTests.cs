using FederatedGateway.Core.Composition.Rules.Subgraph;
using static FederatedGateway.Core.Tests.Composition.CompositionCase;
using static FederatedGateway.Core.Tests.Composition.Rules.RuleAssert;

namespace FederatedGateway.Core.Tests.Composition.Rules.Subgraph;

/// <summary><see cref="AuthRequirementsOnInterfaceRule"/>: no authorization directive on interfaces, their fields or interface objects.</summary>
public sealed class AuthRequirementsOnInterfaceRuleTests
{
    [Fact]
    public void Reports_requires_scopes_on_an_interface_field() =>
        Reports(AuthRequirementsOnInterfaceRule.Code, "Invalid use of @requiresScopes on field \"N.id\": @requiresScopes cannot be applied on interfaces, interface fields and interface objects.",
            Fed29("a", "type Query { n: N } interface N { id: ID @requiresScopes(scopes: [[\"s\"]]) } type T implements N { id: ID }", "\"@requiresScopes\""));

    [Fact]
    public void Reports_a_renamed_policy_on_an_interface_object() =>
        Reports(AuthRequirementsOnInterfaceRule.Code, "Invalid use of @p on interface object \"I\"",
            Fed29("a", "type Query { a: I } interface I @key(fields: \"id\") { id: ID } type T implements I @key(fields: \"id\") { id: ID }", "\"@interfaceObject\""),
            Fed29("b", "type I @key(fields: \"id\") @interfaceObject @p(policies: [[\"x\"]]) { id: ID x: Int }", "\"@interfaceObject\", {name: \"@policy\", as: \"@p\"}"));

    [Fact]
    public void Accepts_authorization_on_the_implementations() =>
        Composes(Fed29("a", "type Query { n: N } interface N { id: ID } type T implements N @authenticated { id: ID @policy(policies: [[\"p\"]]) }", "\"@authenticated\", \"@policy\""));
}
