using FederatedGateway.Core.Composition.Rules.Supergraph;
using static FederatedGateway.Core.Tests.Composition.CompositionCase;
using static FederatedGateway.Core.Tests.Composition.Rules.RuleAssert;

namespace FederatedGateway.Core.Tests.Composition.Rules.Supergraph;

/// <summary><see cref="InvalidFieldSharingRule"/>: A field resolved by several subgraphs is @shareable in all of them.</summary>
public sealed class InvalidFieldSharingRuleTests
{
    [Fact]
    public void Reports_a_value_type_field_in_two_subgraphs() =>
        Reports(InvalidFieldSharingRule.Code, "Non-shareable field \"T.x\" is resolved from multiple subgraphs: it is resolved from subgraphs \"a\" and \"b\" and defined as non-shareable in all of them.", Fed2("a", "type Query { a: T } type T { x: Int }"), Fed2("b", "type Query { b: T } type T { x: Int }"));

    [Fact]
    public void Reports_a_root_field_shareable_in_one_subgraph_only() =>
        Reports(InvalidFieldSharingRule.Code, "it is resolved from subgraphs \"a\" and \"b\" and defined as non-shareable in subgraph \"b\".", Fed2("a", "type Query { a: Int @shareable }"), Fed2("b", "type Query { a: Int }"));

    [Fact]
    public void Accepts_shareable_everywhere() =>
        Composes(Fed2("a", "type Query { a: T } type T { x: Int @shareable }"), Fed2("b", "type Query { b: T } type T { x: Int @shareable }"));

    [Fact]
    public void Accepts_key_fields_are_shareable_implicitly() =>
        Composes(Fed2("a", "type Query { a: T } type T @key(fields: \"id\") { id: ID }"), Fed2("b", "type T @key(fields: \"id\") { id: ID y: Int }"));
}
