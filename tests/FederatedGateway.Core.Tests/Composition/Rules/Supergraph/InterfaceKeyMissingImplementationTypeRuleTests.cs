using FederatedGateway.Core.Composition.Rules.Supergraph;
using static FederatedGateway.Core.Tests.Composition.CompositionCase;
using static FederatedGateway.Core.Tests.Composition.Rules.RuleAssert;

namespace FederatedGateway.Core.Tests.Composition.Rules.Supergraph;

/// <summary><see cref="InterfaceKeyMissingImplementationTypeRule"/>: A subgraph resolving an interface key defines all its implementations.</summary>
public sealed class InterfaceKeyMissingImplementationTypeRuleTests
{
    [Fact]
    public void Reports_an_entity_interface_missing_an_implementation() =>
        Reports(InterfaceKeyMissingImplementationTypeRule.Code, "Subgraph \"a\" should define type \"U\" (and have it implement \"I\").", Fed2("a", "type Query { a: I } interface I @key(fields: \"id\") { id: ID } type T implements I @key(fields: \"id\") { id: ID }"), Fed2("b", "interface I { id: ID } type U implements I @key(fields: \"id\") { id: ID } type Query { u: U }"));

    [Fact]
    public void Accepts_an_entity_interface_with_all_implementations() =>
        Composes(Fed2("a", "type Query { a: I } interface I @key(fields: \"id\") { id: ID } type T implements I @key(fields: \"id\") { id: ID }"));
}
