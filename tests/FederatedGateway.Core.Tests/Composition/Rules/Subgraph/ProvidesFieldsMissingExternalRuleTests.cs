using FederatedGateway.Core.Composition.Rules.Subgraph;
using static FederatedGateway.Core.Tests.Composition.CompositionCase;
using static FederatedGateway.Core.Tests.Composition.Rules.RuleAssert;

namespace FederatedGateway.Core.Tests.Composition.Rules.Subgraph;

/// <summary><see cref="ProvidesFieldsMissingExternalRule"/>: Federation 2: a @provides selects @external fields.</summary>
public sealed class ProvidesFieldsMissingExternalRuleTests
{
    [Fact]
    public void Reports_provides_naming_a_resolved_field() =>
        Reports(ProvidesFieldsMissingExternalRule.Code, "field \"T.name\" should not be part of a @provides since it is already \"effectively\" provided by this subgraph (it is not marked @external).", Fed2("a", "type Query { t: T @provides(fields: \"name\") } type T @key(fields: \"id\") { id: ID name: String }"));

    [Fact]
    public void Accepts_provides_naming_an_external_field() =>
        Composes(Fed2("a", "type Query { t: T @provides(fields: \"name\") } type T @key(fields: \"id\") { id: ID name: String @external }"), Fed2("b", "type T @key(fields: \"id\") { id: ID name: String @shareable }"));
}
