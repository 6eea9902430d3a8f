using FederatedGateway.Core.Composition.Rules.Subgraph;
using static FederatedGateway.Core.Tests.Composition.CompositionCase;
using static FederatedGateway.Core.Tests.Composition.Rules.RuleAssert;

namespace FederatedGateway.Core.Tests.Composition.Rules.Subgraph;

/// <summary><see cref="RequiresUnsupportedOnInterfaceRule"/>: @requires is not supported on interface fields.</summary>
public sealed class RequiresUnsupportedOnInterfaceRuleTests
{
    [Fact]
    public void Reports_requires_on_an_interface_field() =>
        Reports(RequiresUnsupportedOnInterfaceRule.Code, "Cannot use @requires on field \"I.x\" of parent type \"I\": @requires is not yet supported within interfaces.", Fed2("a", "type Query { a: I } interface I { id: ID x: Int @requires(fields: \"id\") } type T implements I @key(fields: \"id\") { id: ID x: Int }"));

    [Fact]
    public void Accepts_requires_on_an_object_field() =>
        Composes(Fed2("a", "type Query { a: T } type T @key(fields: \"id\") { id: ID y: Int @external x: Int @requires(fields: \"y\") }"), Fed2("b", "type T @key(fields: \"id\") { id: ID y: Int }"));
}
