namespace FederatedGateway.Core.Composition.Rules.Supergraph;

/// <summary>The query root type stays in the API schema.</summary>
internal sealed class QueryRootTypeInaccessibleRule : ISupergraphRule
{
    public const string Code = ErrorCodes.QueryRootTypeInaccessible;

    public IReadOnlyList<string> Codes { get; } = [Code];

    public void Validate(SupergraphRuleContext context)
    {
        if (context.Schema.Type("Query") is { IsInaccessible: true } query)
        {
            context.Error(Code, "Type \"Query\" is @inaccessible but is the query root type, which must be in the API schema.", query.Sources[0].Graph, "Query", default, "Remove @inaccessible from the query root type.");
        }
    }
}
