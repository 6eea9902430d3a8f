using FederatedGateway.Core.Composition.Rules.Subgraph;
using static FederatedGateway.Core.Tests.Composition.CompositionCase;
using static FederatedGateway.Core.Tests.Composition.Rules.RuleAssert;

namespace FederatedGateway.Core.Tests.Composition.Rules.Subgraph;

/// <summary><see cref="InterfaceObjectWithoutKeyRule"/>: An @interfaceObject is an entity.</summary>
public sealed class InterfaceObjectWithoutKeyRuleTests
{
    [Fact]
    public void Reports_an_interface_object_without_key() =>
        Reports(InterfaceObjectWithoutKeyRule.Code, "The @interfaceObject directive can only be applied to entity types but type \"I\" has no @key in this subgraph.", Fed2("a", "type Query { a: I } type I @interfaceObject { id: ID }"));

    [Fact]
    public void Accepts_an_interface_object_with_the_interface_key() =>
        Composes(Fed2("a", "type Query { a: I } interface I @key(fields: \"id\") { id: ID } type T implements I @key(fields: \"id\") { id: ID }"), Fed2("b", "type I @key(fields: \"id\") @interfaceObject { id: ID x: Int }"));
}
