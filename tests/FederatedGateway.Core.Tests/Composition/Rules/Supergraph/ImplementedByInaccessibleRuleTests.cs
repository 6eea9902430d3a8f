using FederatedGateway.Core.Composition.Rules.Supergraph;
using static FederatedGateway.Core.Tests.Composition.CompositionCase;
using static FederatedGateway.Core.Tests.Composition.Rules.RuleAssert;

namespace FederatedGateway.Core.Tests.Composition.Rules.Supergraph;

/// <summary><see cref="ImplementedByInaccessibleRule"/>: A field implementing an accessible interface field is accessible.</summary>
public sealed class ImplementedByInaccessibleRuleTests
{
    [Fact]
    public void Reports_an_inaccessible_implementation_field() =>
        Reports(ImplementedByInaccessibleRule.Code, "Field \"T.x\" is @inaccessible but implements the interface field \"I.x\", which is in the API schema.", Fed2("a", "type Query { a: I } interface I { x: Int y: Int } type T implements I { x: Int @inaccessible y: Int }"));

    [Fact]
    public void Accepts_interface_and_implementation_fields_both_inaccessible() =>
        Composes(Fed2("a", "type Query { a: I } interface I { x: Int @inaccessible y: Int } type T implements I { x: Int @inaccessible y: Int }"));
}
