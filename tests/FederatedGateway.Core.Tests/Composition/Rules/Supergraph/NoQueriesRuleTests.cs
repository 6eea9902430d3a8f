using FederatedGateway.Core.Composition.Rules.Supergraph;
using static FederatedGateway.Core.Tests.Composition.CompositionCase;
using static FederatedGateway.Core.Tests.Composition.Rules.RuleAssert;

namespace FederatedGateway.Core.Tests.Composition.Rules.Supergraph;

/// <summary><see cref="NoQueriesRule"/>: The supergraph has query fields.</summary>
public sealed class NoQueriesRuleTests
{
    [Fact]
    public void Reports_no_subgraph_with_query_fields() =>
        Reports(NoQueriesRule.Code, "No queries found in any subgraph: a supergraph must have a query root type.", Fed2("a", "type T @key(fields: \"id\") { id: ID }"));

    [Fact]
    public void Accepts_one_subgraph_with_a_query_field() =>
        Composes(Fed2("a", "type T @key(fields: \"id\") { id: ID }"), Fed2("b", "type Query { t: T } type T @key(fields: \"id\") { id: ID }"));
}
