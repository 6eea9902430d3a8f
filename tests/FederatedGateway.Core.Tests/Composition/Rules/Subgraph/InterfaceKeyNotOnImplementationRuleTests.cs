using FederatedGateway.Core.Composition.Rules.Subgraph;
using static FederatedGateway.Core.Tests.Composition.CompositionCase;
using static FederatedGateway.Core.Tests.Composition.Rules.RuleAssert;

namespace FederatedGateway.Core.Tests.Composition.Rules.Subgraph;

/// <summary><see cref="InterfaceKeyNotOnImplementationRule"/>: Each key of an interface is a key of its implementations.</summary>
public sealed class InterfaceKeyNotOnImplementationRuleTests
{
    [Fact]
    public void Reports_an_implementation_without_the_interface_key() =>
        Reports(InterfaceKeyNotOnImplementationRule.Code, "Key @key(fields: \"id\") on interface type \"I\" is missing on implementation type \"T\".", Fed2("a", "type Query { a: I } interface I @key(fields: \"id\") { id: ID } type T implements I { id: ID }"));

    [Fact]
    public void Accepts_an_implementation_with_the_key_written_differently() =>
        Composes(Fed2("a", "type Query { a: I } interface I @key(fields: \"id  name\") { id: ID name: String } type T implements I @key(fields: \"id, name\") { id: ID name: String }"));
}
