namespace FederatedGateway.Core.Composition.Rules.Supergraph;

/// <summary>An @external field is resolved (not @external) in some other subgraph.</summary>
internal sealed class ExternalMissingOnBaseRule : ISupergraphRule
{
    public const string Code = ErrorCodes.ExternalMissingOnBase;

    public IReadOnlyList<string> Codes { get; } = [Code];

    public void Validate(SupergraphRuleContext context)
    {
        foreach (var type in context.Schema.Types.Values)
        {
            foreach (var field in type.Fields)
            {
                if (field.Sources.Count > 0 && field.Sources.All(s => s.Field.IsExternal))
                {
                    var coordinate = $"{type.Name}.{field.Name}";
                    context.Error(Code, $"Field \"{coordinate}\" is marked @external on all the subgraphs in which it is listed ({SupergraphRuleContext.Names(field.Sources.Select(s => s.Graph))}).",
                        field.Sources[0].Graph, coordinate, field.Sources[0].Field.Location, $"Some subgraph must resolve \"{coordinate}\" (define it there without @external).");
                }
            }
        }
    }
}
