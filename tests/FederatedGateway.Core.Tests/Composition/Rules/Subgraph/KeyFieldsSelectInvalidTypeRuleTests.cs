using FederatedGateway.Core.Composition.Rules.Subgraph;
using static FederatedGateway.Core.Tests.Composition.CompositionCase;
using static FederatedGateway.Core.Tests.Composition.Rules.RuleAssert;

namespace FederatedGateway.Core.Tests.Composition.Rules.Subgraph;

/// <summary><see cref="KeyFieldsSelectInvalidTypeRule"/>: A @key may not select interface or union fields.</summary>
public sealed class KeyFieldsSelectInvalidTypeRuleTests
{
    [Fact]
    public void Reports_a_key_selecting_a_union() =>
        Reports(KeyFieldsSelectInvalidTypeRule.Code, "field \"T.u\" is a Union type which is not allowed in @key.", Fed2("a", "type Query { a: T } union U = T type T @key(fields: \"u { __typename }\") { id: ID u: U }"));

    [Fact]
    public void Reports_a_key_selecting_an_interface() =>
        Reports(KeyFieldsSelectInvalidTypeRule.Code, "field \"T.i\" is a Interface type which is not allowed in @key.", Fed2("a", "type Query { a: T } interface I { id: ID } type X implements I { id: ID } type T @key(fields: \"i { id }\") { id: ID i: I }"));

    [Fact]
    public void Accepts_a_key_selecting_an_object() =>
        Composes(Fed2("a", "type Query { a: T } type T @key(fields: \"id o { id }\") { id: ID o: O } type O { id: ID }"));
}
