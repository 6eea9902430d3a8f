using FederatedGateway.Core.Composition;
using FederatedGateway.Core.Composition.Rules.Subgraph;
using static FederatedGateway.Core.Tests.Composition.CompositionCase;
using static FederatedGateway.Core.Tests.Composition.Rules.RuleAssert;

namespace FederatedGateway.Core.Tests.Composition.Rules.Subgraph;

/// <summary><see cref="RequiresInvalidFieldsRule"/>: A @requires selects existing fields.</summary>
public sealed class RequiresInvalidFieldsRuleTests
{
    [Fact]
    public void Reports_requires_naming_a_missing_field() =>
        Reports(ErrorCodes.RequiresInvalidFields, "On field \"T.x\", for @requires(fields: \"y\"): Cannot query field \"y\" on type \"T\"", Fed2("a", "type Query { a: T } type T @key(fields: \"id\") { id: ID x: Int @requires(fields: \"y\") }"));

    [Fact]
    public void Reports_requires_with_an_unknown_type_condition() =>
        Reports(ErrorCodes.RequiresInvalidFields, "unknown type \"Nope\" in a type condition.", Fed2("a", "type Query { t: T } type T @key(fields: \"id\") { id: ID x: Int @requires(fields: \"... on Nope { id }\") }"));

    [Fact]
    public void Accepts_requires_naming_an_external_field() =>
        Composes(Fed2("a", "type Query { a: T } type T @key(fields: \"id\") { id: ID y: Int @external x: Int @requires(fields: \"y\") }"), Fed2("b", "type T @key(fields: \"id\") { id: ID y: Int }"));
}
