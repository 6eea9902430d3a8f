using FederatedGateway.Core.Composition.Rules.Subgraph;
using static FederatedGateway.Core.Tests.Composition.CompositionCase;
using static FederatedGateway.Core.Tests.Composition.Rules.RuleAssert;

namespace FederatedGateway.Core.Tests.Composition.Rules.Subgraph;

/// <summary><see cref="UnknownOrWrongKindTypeReferenceRule"/>: Every referenced type is defined in the subgraph and of a fitting kind.</summary>
public sealed class UnknownOrWrongKindTypeReferenceRuleTests
{
    [Fact]
    public void Reports_an_unknown_field_type() =>
        Reports(UnknownOrWrongKindTypeReferenceRule.Code, "Unknown type \"Missing\" used by \"Query.a\".", Fed2("a", "type Query { a: Missing }"));

    [Fact]
    public void Reports_an_input_type_as_field_type() =>
        Reports(UnknownOrWrongKindTypeReferenceRule.Code, "\"Query.a\" must have an output type, but \"In\" is an input object type.", Fed2("a", "type Query { a: In } input In { x: Int }"));

    [Fact]
    public void Reports_an_unknown_interface() =>
        Reports(UnknownOrWrongKindTypeReferenceRule.Code, "Type \"T\" implements unknown interface \"Node\".", Fed2("a", "type Query { a: T } type T implements Node { id: ID }"));

    [Fact]
    public void Reports_an_unknown_union_member() =>
        Reports(UnknownOrWrongKindTypeReferenceRule.Code, "Union \"U\" has unknown member type \"X\".", Fed2("a", "type Query { u: U } union U = X"));

    [Fact]
    public void Accepts_defined_types_of_fitting_kinds() =>
        Composes(Fed2("a", "type Query { a(f: F): Out } type Out { x: Int } input F { n: Int }"));
}
