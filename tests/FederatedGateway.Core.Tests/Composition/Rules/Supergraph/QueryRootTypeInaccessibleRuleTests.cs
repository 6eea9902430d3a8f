using FederatedGateway.Core.Composition.Rules.Supergraph;
using static FederatedGateway.Core.Tests.Composition.CompositionCase;
using static FederatedGateway.Core.Tests.Composition.Rules.RuleAssert;

namespace FederatedGateway.Core.Tests.Composition.Rules.Supergraph;

/// <summary><see cref="QueryRootTypeInaccessibleRule"/>: The query root stays in the API schema.</summary>
public sealed class QueryRootTypeInaccessibleRuleTests
{
    [Fact]
    public void Reports_an_inaccessible_query_type() =>
        Reports(QueryRootTypeInaccessibleRule.Code, "Type \"Query\" is @inaccessible but is the query root type, which must be in the API schema.", Fed2("a", "type Query @inaccessible { a: Int }"));

    [Fact]
    public void Accepts_an_inaccessible_query_field() =>
        Composes(Fed2("a", "type Query { a: Int b: Int @inaccessible }"));
}
