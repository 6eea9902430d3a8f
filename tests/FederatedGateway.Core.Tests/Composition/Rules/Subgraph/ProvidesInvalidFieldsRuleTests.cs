using FederatedGateway.Core.Composition;
using FederatedGateway.Core.Composition.Rules.Subgraph;
using static FederatedGateway.Core.Tests.Composition.CompositionCase;
using static FederatedGateway.Core.Tests.Composition.Rules.RuleAssert;

namespace FederatedGateway.Core.Tests.Composition.Rules.Subgraph;

/// <summary><see cref="ProvidesInvalidFieldsRule"/>: A @provides selects existing fields of the returned type.</summary>
public sealed class ProvidesInvalidFieldsRuleTests
{
    [Fact]
    public void Reports_provides_naming_a_missing_field() =>
        Reports(ErrorCodes.ProvidesInvalidFields, "On field \"Query.t\", for @provides(fields: \"nope\"): Cannot query field \"nope\" on type \"T\"", Fed2("a", "type Query { t: T @provides(fields: \"nope\") } type T @key(fields: \"id\") { id: ID }"));

    [Fact]
    public void Reports_provides_naming_a_missing_nested_field() =>
        Reports(ErrorCodes.ProvidesInvalidFields, "Cannot query field \"nope\" on type \"O\"", Fed2("a", "type Query { t: T @provides(fields: \"o { nope }\") } type T { o: O } type O { id: ID }"));

    [Fact]
    public void Accepts_provides_naming_an_external_field() =>
        Composes(Fed2("a", "type Query { t: T @provides(fields: \"name\") } type T @key(fields: \"id\") { id: ID name: String @external }"), Fed2("b", "type T @key(fields: \"id\") { id: ID name: String @shareable }"));
}
