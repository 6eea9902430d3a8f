using FederatedGateway.Core.Composition.Rules.Supergraph;
using static FederatedGateway.Core.Tests.Composition.CompositionCase;
using static FederatedGateway.Core.Tests.Composition.Rules.RuleAssert;

namespace FederatedGateway.Core.Tests.Composition.Rules.Supergraph;

/// <summary><see cref="RequiredInaccessibleRule"/>: Required arguments and input fields stay in the API schema.</summary>
public sealed class RequiredInaccessibleRuleTests
{
    [Fact]
    public void Reports_a_required_argument_inaccessible() =>
        Reports(RequiredInaccessibleRule.Code, "Argument \"Query.a(x:)\" is @inaccessible but is a required argument of its field.", Fed2("a", "type Query { a(x: Int! @inaccessible): Int }"));

    [Fact]
    public void Reports_a_required_input_field_inaccessible() =>
        Reports(RequiredInaccessibleRule.Code, "Input field \"F.x\" is @inaccessible but is a required input field of its type.", Fed2("a", "type Query { a(f: F): Int } input F { x: Int! @inaccessible y: Int }"));

    [Fact]
    public void Accepts_an_inaccessible_argument_with_a_default() =>
        Composes(Fed2("a", "type Query { a(x: Int! = 1 @inaccessible): Int }"));
}
