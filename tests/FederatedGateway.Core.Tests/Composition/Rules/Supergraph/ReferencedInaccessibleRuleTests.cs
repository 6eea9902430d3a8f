using FederatedGateway.Core.Composition.Rules.Supergraph;
using static FederatedGateway.Core.Tests.Composition.CompositionCase;
using static FederatedGateway.Core.Tests.Composition.Rules.RuleAssert;

namespace FederatedGateway.Core.Tests.Composition.Rules.Supergraph;

/// <summary><see cref="ReferencedInaccessibleRule"/>: Accessible fields and arguments do not reference inaccessible types.</summary>
public sealed class ReferencedInaccessibleRuleTests
{
    [Fact]
    public void Reports_a_field_returning_an_inaccessible_type() =>
        Reports(ReferencedInaccessibleRule.Code, "Type \"T\" is @inaccessible but is referenced by \"Query.a\", which is in the API schema.", Fed2("a", "type Query { a: T } type T @inaccessible { x: Int }"));

    [Fact]
    public void Reports_an_argument_of_an_inaccessible_type() =>
        Reports(ReferencedInaccessibleRule.Code, "Type \"F\" is @inaccessible but is referenced by \"Query.a(f:)\", which is in the API schema.", Fed2("a", "type Query { a(f: F): Int } input F @inaccessible { x: Int }"));

    [Fact]
    public void Accepts_an_inaccessible_type_behind_an_inaccessible_field() =>
        Composes(Fed2("a", "type Query { a: T @inaccessible b: Int } type T @inaccessible { x: Int }"));
}
