using FederatedGateway.Core.Composition.Rules.Subgraph;
using static FederatedGateway.Core.Tests.Composition.CompositionCase;
using static FederatedGateway.Core.Tests.Composition.Rules.RuleAssert;

namespace FederatedGateway.Core.Tests.Composition.Rules.Subgraph;

/// <summary><see cref="KeyFieldsHasArgsRule"/>: A @key may not select a field with arguments.</summary>
public sealed class KeyFieldsHasArgsRuleTests
{
    [Fact]
    public void Reports_a_key_field_with_arguments() =>
        Reports(KeyFieldsHasArgsRule.Code, "On type \"T\", for @key(fields: \"id\"): field \"T.id\" includes arguments (fields with argument are not allowed in @key).", Fed2("a", "type Query { a: T } type T @key(fields: \"id\") { id(x: Int): ID }"));

    [Fact]
    public void Accepts_a_key_field_without_arguments() =>
        Composes(Fed2("a", "type Query { a: T } type T @key(fields: \"id\") { id: ID other(x: Int): ID }"));
}
