using FederatedGateway.Core.Composition.Rules.Subgraph;
using static FederatedGateway.Core.Tests.Composition.CompositionCase;
using static FederatedGateway.Core.Tests.Composition.Rules.RuleAssert;

namespace FederatedGateway.Core.Tests.Composition.Rules.Subgraph;

/// <summary><see cref="ExternalUnusedRule"/>: Federation 2: an @external field is used by some federation directive.</summary>
public sealed class ExternalUnusedRuleTests
{
    [Fact]
    public void Reports_an_unused_external_field() =>
        Reports(ExternalUnusedRule.Code, "Field \"T.x\" is marked @external but is not used in any federation directive (@key, @provides, @requires) or to satisfy an interface", Fed2("a", "type Query { a: T } type T @key(fields: \"id\") { id: ID x: Int @external }"), Fed2("b", "type T @key(fields: \"id\") { id: ID x: Int }"));

    [Fact]
    public void Accepts_an_external_field_used_by_requires() =>
        Composes(Fed2("a", "type Query { a: T } type T @key(fields: \"id\") { id: ID y: Int @external x: Int @requires(fields: \"y\") }"), Fed2("b", "type T @key(fields: \"id\") { id: ID y: Int }"));
}
