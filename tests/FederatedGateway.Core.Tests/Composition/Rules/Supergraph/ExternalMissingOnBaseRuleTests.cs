using FederatedGateway.Core.Composition.Rules.Supergraph;
using static FederatedGateway.Core.Tests.Composition.CompositionCase;
using static FederatedGateway.Core.Tests.Composition.Rules.RuleAssert;

namespace FederatedGateway.Core.Tests.Composition.Rules.Supergraph;

/// <summary><see cref="ExternalMissingOnBaseRule"/>: An @external field is resolved by some subgraph.</summary>
public sealed class ExternalMissingOnBaseRuleTests
{
    [Fact]
    public void Reports_a_field_external_everywhere() =>
        Reports(ExternalMissingOnBaseRule.Code, "Field \"T.y\" is marked @external on all the subgraphs in which it is listed (subgraph \"a\").", Fed2("a", "type Query { a: T } type T @key(fields: \"id\") { id: ID y: Int @external x: Int @requires(fields: \"y\") }"), Fed2("b", "type T @key(fields: \"id\") { id: ID }"));

    [Fact]
    public void Accepts_an_external_field_resolved_elsewhere() =>
        Composes(Fed2("a", "type Query { a: T } type T @key(fields: \"id\") { id: ID y: Int @external x: Int @requires(fields: \"y\") }"), Fed2("b", "type T @key(fields: \"id\") { id: ID y: Int }"));
}
