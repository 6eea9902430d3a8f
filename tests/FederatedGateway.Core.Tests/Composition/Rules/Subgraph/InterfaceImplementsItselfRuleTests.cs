using FederatedGateway.Core.Composition.Rules.Subgraph;
using static FederatedGateway.Core.Tests.Composition.CompositionCase;
using static FederatedGateway.Core.Tests.Composition.Rules.RuleAssert;

namespace FederatedGateway.Core.Tests.Composition.Rules.Subgraph;

/// <summary><see cref="InterfaceImplementsItselfRule"/>: An interface cannot implement itself.</summary>
public sealed class InterfaceImplementsItselfRuleTests
{
    [Fact]
    public void Reports_an_interface_implementing_itself() =>
        Reports(InterfaceImplementsItselfRule.Code, "Interface \"I\" cannot implement itself.", Fed2("a", "type Query { i: I } interface I implements I { id: ID } type T implements I { id: ID }"));

    [Fact]
    public void Accepts_an_interface_implemented_by_an_object() =>
        Composes(Fed2("a", "type Query { i: I } interface I { id: ID } type T implements I { id: ID }"));
}
