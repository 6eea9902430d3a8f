using FederatedGateway.Core.Composition.Rules.Subgraph;
using static FederatedGateway.Core.Tests.Composition.CompositionCase;
using static FederatedGateway.Core.Tests.Composition.Rules.RuleAssert;

namespace FederatedGateway.Core.Tests.Composition.Rules.Subgraph;

/// <summary><see cref="KeyOnInvalidTypeRule"/>: @key is only for object and interface types.</summary>
public sealed class KeyOnInvalidTypeRuleTests
{
    [Fact]
    public void Reports_a_key_on_a_union() =>
        Reports(KeyOnInvalidTypeRule.Code, "@key cannot be used on a union type \"U\"", Fed2("a", "type Query { a: U } union U @key(fields: \"id\") = T type T { id: ID }"));

    [Fact]
    public void Accepts_a_key_on_an_object_type() =>
        Composes(Fed2("a", "type Query { a: T } type T @key(fields: \"id\") { id: ID }"));
}
