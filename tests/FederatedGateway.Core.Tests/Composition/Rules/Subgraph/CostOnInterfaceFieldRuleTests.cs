using FederatedGateway.Core.Composition.Rules.Subgraph;
using static FederatedGateway.Core.Tests.Composition.CompositionCase;
using static FederatedGateway.Core.Tests.Composition.Rules.RuleAssert;

namespace FederatedGateway.Core.Tests.Composition.Rules.Subgraph;

/// <summary><see cref="CostOnInterfaceFieldRule"/>: @cost goes on concrete fields, not interface fields.</summary>
public sealed class CostOnInterfaceFieldRuleTests
{
    [Fact]
    public void Reports_cost_on_an_interface_field() =>
        Reports(CostOnInterfaceFieldRule.Code, "@cost cannot be applied to interface \"N.id\".", Fed29("a", "type Query { n: N } interface N { id: ID @cost(weight: 1) } type T implements N { id: ID }", "\"@cost\""));

    [Fact]
    public void Accepts_cost_on_the_implementing_field() =>
        Composes(Fed29("a", "type Query { n: N } interface N { id: ID } type T implements N { id: ID @cost(weight: 1) }", "\"@cost\""));
}
