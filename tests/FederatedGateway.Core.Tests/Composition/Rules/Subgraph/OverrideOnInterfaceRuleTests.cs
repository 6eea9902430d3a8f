using FederatedGateway.Core.Composition.Rules.Subgraph;
using static FederatedGateway.Core.Tests.Composition.CompositionCase;
using static FederatedGateway.Core.Tests.Composition.Rules.RuleAssert;

namespace FederatedGateway.Core.Tests.Composition.Rules.Subgraph;

/// <summary><see cref="OverrideOnInterfaceRule"/>: @override is not supported on interface fields.</summary>
public sealed class OverrideOnInterfaceRuleTests
{
    [Fact]
    public void Reports_override_on_an_interface_field() =>
        Reports(OverrideOnInterfaceRule.Code, "@override cannot be used on field \"I.x\" on subgraph \"a\": @override is not supported on interface type fields.", Fed2("a", "type Query { a: I } interface I { x: Int @override(from: \"b\") } type T implements I { x: Int }"));

    [Fact]
    public void Accepts_override_on_an_object_field() =>
        Composes(Fed2("a", "type Query { a: T } type T @key(fields: \"id\") { id: ID x: Int @override(from: \"b\") }"), Fed2("b", "type T @key(fields: \"id\") { id: ID x: Int }"));
}
