using FederatedGateway.Core.Composition.Rules.Subgraph;
using static FederatedGateway.Core.Tests.Composition.CompositionCase;
using static FederatedGateway.Core.Tests.Composition.Rules.RuleAssert;

namespace FederatedGateway.Core.Tests.Composition.Rules.Subgraph;

/// <summary><see cref="ProvidesOnNonObjectFieldRule"/>: @provides is only for fields returning composite types.</summary>
public sealed class ProvidesOnNonObjectFieldRuleTests
{
    [Fact]
    public void Reports_provides_on_a_scalar_field() =>
        Reports(ProvidesOnNonObjectFieldRule.Code, "Invalid @provides directive on field \"Query.a\": field has type \"Int\" which is not a Composite Type.", Fed2("a", "type Query { a: Int @provides(fields: \"x\") }"));

    [Fact]
    public void Accepts_provides_on_an_object_field() =>
        Composes(Fed2("a", "type Query { t: T @provides(fields: \"name\") } type T @key(fields: \"id\") { id: ID name: String @external }"), Fed2("b", "type T @key(fields: \"id\") { id: ID name: String @shareable }"));
}
