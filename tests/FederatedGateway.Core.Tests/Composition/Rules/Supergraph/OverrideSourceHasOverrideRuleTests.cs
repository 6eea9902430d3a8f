using FederatedGateway.Core.Composition.Rules.Supergraph;
using static FederatedGateway.Core.Tests.Composition.CompositionCase;
using static FederatedGateway.Core.Tests.Composition.Rules.RuleAssert;

namespace FederatedGateway.Core.Tests.Composition.Rules.Supergraph;

/// <summary><see cref="OverrideSourceHasOverrideRule"/>: A field is overridden in one direction only.</summary>
public sealed class OverrideSourceHasOverrideRuleTests
{
    [Fact]
    public void Reports_override_in_both_directions() =>
        Reports(OverrideSourceHasOverrideRule.Code, "Field \"T.x\" on subgraph \"a\" is also marked with directive @override in subgraph \"b\". Only one @override directive is allowed per field.", Fed2("a", "type Query { a: T } type T @key(fields: \"id\") { id: ID x: Int @override(from: \"b\") }"), Fed2("b", "type T @key(fields: \"id\") { id: ID x: Int @override(from: \"a\") }"));

    [Fact]
    public void Accepts_override_in_one_direction() =>
        Composes(Fed2("a", "type Query { a: T } type T @key(fields: \"id\") { id: ID x: Int @override(from: \"b\") }"), Fed2("b", "type T @key(fields: \"id\") { id: ID x: Int }"));
}
