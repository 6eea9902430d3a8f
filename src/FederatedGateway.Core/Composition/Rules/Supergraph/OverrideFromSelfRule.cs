namespace FederatedGateway.Core.Composition.Rules.Supergraph;

/// <summary>@override(from:) names another subgraph than the one it is in.</summary>
internal sealed class OverrideFromSelfRule : ISupergraphRule
{
    public const string Code = ErrorCodes.OverrideFromSelfError;

    public IReadOnlyList<string> Codes { get; } = [Code];

    public void Validate(SupergraphRuleContext context)
    {
        foreach (var (coordinate, graph, field, _) in Overrides.All(context.Schema))
        {
            if (!field.IsExternal && field.OverrideFrom == graph.Name)
            {
                context.Error(Code, $"Source and destination subgraphs \"{graph.Name}\" are the same for overridden field \"{coordinate}\".",
                    graph, coordinate, field.Location, "@override(from:) names the subgraph the field moves away from, not this one.");
            }
        }
    }
}
