namespace FederatedGateway.Core.Composition.Rules.Supergraph;

/// <summary>The supergraph has a query root type with at least one field.</summary>
internal sealed class NoQueriesRule : ISupergraphRule
{
    public const string Code = ErrorCodes.NoQueries;

    public IReadOnlyList<string> Codes { get; } = [Code];

    public void Validate(SupergraphRuleContext context)
    {
        var query = context.Schema.Type("Query");
        if (query is null || query.Fields.Count == 0)
        {
            context.Error(Code, "No queries found in any subgraph: a supergraph must have a query root type.", null, "Query", default, "Add at least one field to type Query in some subgraph.");
        }
    }
}
