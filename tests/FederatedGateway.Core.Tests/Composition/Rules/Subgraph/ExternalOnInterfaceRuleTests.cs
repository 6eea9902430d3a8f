using FederatedGateway.Core.Composition.Rules.Subgraph;
using static FederatedGateway.Core.Tests.Composition.CompositionCase;
using static FederatedGateway.Core.Tests.Composition.Rules.RuleAssert;

namespace FederatedGateway.Core.Tests.Composition.Rules.Subgraph;

/// <summary><see cref="ExternalOnInterfaceRule"/>: @external is not allowed on interface fields.</summary>
public sealed class ExternalOnInterfaceRuleTests
{
    [Fact]
    public void Reports_external_on_an_interface_field() =>
        Reports(ExternalOnInterfaceRule.Code, "Interface type field \"I.id\" is marked @external but @external is not allowed on interface fields.", Fed2("a", "type Query { i: I } interface I { id: ID @external } type T implements I { id: ID }"));

    [Fact]
    public void Accepts_an_interface_without_external() =>
        Composes(Fed2("a", "type Query { i: I } interface I { id: ID } type T implements I { id: ID }"));
}
