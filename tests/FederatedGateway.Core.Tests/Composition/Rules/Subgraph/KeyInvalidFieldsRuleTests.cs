using FederatedGateway.Core.Composition;
using FederatedGateway.Core.Composition.Rules.Subgraph;
using static FederatedGateway.Core.Tests.Composition.CompositionCase;
using static FederatedGateway.Core.Tests.Composition.Rules.RuleAssert;

namespace FederatedGateway.Core.Tests.Composition.Rules.Subgraph;

/// <summary><see cref="KeyInvalidFieldsRule"/>: A @key selects existing fields with subselections exactly on composite fields.</summary>
public sealed class KeyInvalidFieldsRuleTests
{
    [Fact]
    public void Reports_a_key_naming_a_missing_field() =>
        Reports(ErrorCodes.KeyInvalidFields, "On type \"T\", for @key(fields: \"uid\"): Cannot query field \"uid\" on type \"T\"", Fed2("a", "type Query { a: T } type T @key(fields: \"uid\") { id: ID }"));

    [Fact]
    public void Reports_a_composite_key_field_without_selection() =>
        Reports(ErrorCodes.KeyInvalidFields, "On type \"T\", for @key(fields: \"o\"): Field \"T.o\" of type \"O\" must have a selection of subfields.", Fed2("a", "type Query { a: T } type T @key(fields: \"o\") { id: ID o: O } type O { id: ID }"));

    [Fact]
    public void Reports_a_leaf_key_field_with_selection() =>
        Reports(ErrorCodes.KeyInvalidFields, "Field \"T.id\" must not have a selection since type \"ID\" has no subfields.", Fed2("a", "type Query { a: T } type T @key(fields: \"id { x }\") { id: ID }"));

    [Fact]
    public void Reports_an_inline_fragment_in_a_key() =>
        Reports(ErrorCodes.KeyInvalidFields, "inline fragments are not allowed in a @key.", Fed2("a", "type Query { a: T } type T @key(fields: \"... on T { id }\") { id: ID }"));

    [Fact]
    public void Accepts_a_nested_key() =>
        Composes(Fed2("a", "type Query { a: T } type T @key(fields: \"id o { id }\") { id: ID o: O } type O { id: ID }"));
}
