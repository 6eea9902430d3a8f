using FederatedGateway.Core.Composition.Rules.Supergraph;
using static FederatedGateway.Core.Tests.Composition.CompositionCase;
using static FederatedGateway.Core.Tests.Composition.Rules.RuleAssert;

namespace FederatedGateway.Core.Tests.Composition.Rules.Supergraph;

/// <summary><see cref="InterfaceObjectWithoutInterfaceRule"/>: An @interfaceObject is an interface somewhere.</summary>
public sealed class InterfaceObjectWithoutInterfaceRuleTests
{
    [Fact]
    public void Reports_an_interface_object_that_is_nowhere_an_interface() =>
        Reports(InterfaceObjectWithoutInterfaceRule.Code, "Type \"I\" is declared with @interfaceObject in all the subgraphs in which is is defined (it is defined in subgraph \"a\"", Fed2("a", "type Query { a: I } type I @key(fields: \"id\") @interfaceObject { id: ID }"));

    [Fact]
    public void Accepts_an_interface_object_of_an_interface_in_another_subgraph() =>
        Composes(Fed2("a", "type Query { a: I } interface I @key(fields: \"id\") { id: ID } type T implements I @key(fields: \"id\") { id: ID }"), Fed2("b", "type I @key(fields: \"id\") @interfaceObject { id: ID x: Int }"));
}
