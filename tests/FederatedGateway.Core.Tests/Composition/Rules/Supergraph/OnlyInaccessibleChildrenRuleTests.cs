using FederatedGateway.Core.Composition.Rules.Supergraph;
using static FederatedGateway.Core.Tests.Composition.CompositionCase;
using static FederatedGateway.Core.Tests.Composition.Rules.RuleAssert;

namespace FederatedGateway.Core.Tests.Composition.Rules.Supergraph;

/// <summary><see cref="OnlyInaccessibleChildrenRule"/>: An accessible type keeps an accessible child.</summary>
public sealed class OnlyInaccessibleChildrenRuleTests
{
    [Fact]
    public void Reports_all_fields_inaccessible() =>
        Reports(OnlyInaccessibleChildrenRule.Code, "Type \"T\" is in the API schema but all of its fields are @inaccessible.", Fed2("a", "type Query { a: T } type T { x: Int @inaccessible }"));

    [Fact]
    public void Reports_all_enum_values_inaccessible() =>
        Reports(OnlyInaccessibleChildrenRule.Code, "Type \"E\" is in the API schema but all of its values are @inaccessible.", Fed2("a", "type Query { e: E } enum E { A @inaccessible }"));

    [Fact]
    public void Accepts_one_accessible_field() =>
        Composes(Fed2("a", "type Query { a: T } type T { x: Int @inaccessible y: Int }"));
}
