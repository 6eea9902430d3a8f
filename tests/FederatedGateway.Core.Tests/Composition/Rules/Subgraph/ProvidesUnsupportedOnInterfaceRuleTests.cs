using FederatedGateway.Core.Composition.Rules.Subgraph;
using static FederatedGateway.Core.Tests.Composition.CompositionCase;
using static FederatedGateway.Core.Tests.Composition.Rules.RuleAssert;

namespace FederatedGateway.Core.Tests.Composition.Rules.Subgraph;

/// <summary><see cref="ProvidesUnsupportedOnInterfaceRule"/>: @provides is not supported on interface fields.</summary>
public sealed class ProvidesUnsupportedOnInterfaceRuleTests
{
    [Fact]
    public void Reports_provides_on_an_interface_field() =>
        Reports(ProvidesUnsupportedOnInterfaceRule.Code, "Cannot use @provides on field \"I.t\" of parent type \"I\": @provides is not yet supported within interfaces.", Fed2("a", "type Query { i: I } interface I { id: ID t: T @provides(fields: \"name\") } type T @key(fields: \"id\") { id: ID name: String @external } type X implements I { id: ID t: T }"));

    [Fact]
    public void Accepts_provides_on_an_object_field() =>
        Composes(Fed2("a", "type Query { t: T @provides(fields: \"name\") } type T @key(fields: \"id\") { id: ID name: String @external }"), Fed2("b", "type T @key(fields: \"id\") { id: ID name: String @shareable }"));
}
