using FederatedGateway.Core.Composition.Rules.Supergraph;
using static FederatedGateway.Core.Tests.Composition.CompositionCase;
using static FederatedGateway.Core.Tests.Composition.Rules.RuleAssert;

namespace FederatedGateway.Core.Tests.Composition.Rules.Supergraph;

/// <summary><see cref="OverrideCollisionWithAnotherDirectiveRule"/>: An @override field is not @external.</summary>
public sealed class OverrideCollisionWithAnotherDirectiveRuleTests
{
    [Fact]
    public void Reports_override_on_an_external_field() =>
        Reports(OverrideCollisionWithAnotherDirectiveRule.Code, "@override cannot be used on field \"T.x\" on subgraph \"a\" since \"T.x\" on \"a\" is marked with directive \"@external\".", Fed2("a", "type Query { a: T } type T @key(fields: \"id\") { id: ID x: Int @external @override(from: \"b\") y: Int @requires(fields: \"x\") }"), Fed2("b", "type T @key(fields: \"id\") { id: ID x: Int }"));

    [Fact]
    public void Accepts_override_on_a_resolved_field() =>
        Composes(Fed2("a", "type Query { a: T } type T @key(fields: \"id\") { id: ID x: Int @override(from: \"b\") }"), Fed2("b", "type T @key(fields: \"id\") { id: ID x: Int }"));
}
