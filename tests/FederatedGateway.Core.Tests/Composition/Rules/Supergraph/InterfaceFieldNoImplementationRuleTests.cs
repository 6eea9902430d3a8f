using FederatedGateway.Core.Composition.Rules.Supergraph;
using static FederatedGateway.Core.Tests.Composition.CompositionCase;
using static FederatedGateway.Core.Tests.Composition.Rules.RuleAssert;

namespace FederatedGateway.Core.Tests.Composition.Rules.Supergraph;

/// <summary><see cref="InterfaceFieldNoImplementationRule"/>: Implementations have the fields of their interfaces.</summary>
public sealed class InterfaceFieldNoImplementationRuleTests
{
    [Fact]
    public void Reports_an_implementation_lacking_a_field_declared_in_another_subgraph() =>
        Reports(InterfaceFieldNoImplementationRule.Code, "Interface field \"I.y\" is declared in subgraph \"b\" but type \"T\", which implements \"I\" only in subgraph \"a\" does not have field \"y\".", Fed2("a", "type Query { a: I } interface I { id: ID x: Int } type T implements I @key(fields: \"id\") { id: ID x: Int }"), Fed2("b", "interface I { id: ID y: Int } type U implements I { id: ID y: Int } type Query { u: U }"));

    [Fact]
    public void Accepts_implementations_with_every_field() =>
        Composes(Fed2("a", "type Query { a: I } interface I { id: ID } type T implements I @key(fields: \"id\") { id: ID }"), Fed2("b", "interface I { id: ID } type U implements I { id: ID } type Query { u: U }"));
}
