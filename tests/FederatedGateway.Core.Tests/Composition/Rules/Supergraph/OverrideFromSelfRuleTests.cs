using FederatedGateway.Core.Composition.Rules.Supergraph;
using static FederatedGateway.Core.Tests.Composition.CompositionCase;
using static FederatedGateway.Core.Tests.Composition.Rules.RuleAssert;

namespace FederatedGateway.Core.Tests.Composition.Rules.Supergraph;

/// <summary><see cref="OverrideFromSelfRule"/>: @override(from:) names another subgraph.</summary>
public sealed class OverrideFromSelfRuleTests
{
    [Fact]
    public void Reports_override_from_its_own_subgraph() =>
        Reports(OverrideFromSelfRule.Code, "Source and destination subgraphs \"a\" are the same for overridden field \"T.x\".", Fed2("a", "type Query { a: T } type T @key(fields: \"id\") { id: ID x: Int @override(from: \"a\") }"));

    [Fact]
    public void Accepts_override_from_another_subgraph() =>
        Composes(Fed2("a", "type Query { a: T } type T @key(fields: \"id\") { id: ID x: Int @override(from: \"b\") }"), Fed2("b", "type T @key(fields: \"id\") { id: ID x: Int }"));
}
