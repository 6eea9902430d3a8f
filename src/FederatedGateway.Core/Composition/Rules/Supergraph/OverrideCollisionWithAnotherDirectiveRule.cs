namespace FederatedGateway.Core.Composition.Rules.Supergraph;

/// <summary>An @override field is not @external in the same subgraph.</summary>
internal sealed class OverrideCollisionWithAnotherDirectiveRule : ISupergraphRule
{
    public const string Code = ErrorCodes.OverrideCollisionWithAnotherDirective;

    public IReadOnlyList<string> Codes { get; } = [Code];

    public void Validate(SupergraphRuleContext context)
    {
        foreach (var (coordinate, graph, field, _) in Overrides.All(context.Schema))
        {
            if (field.IsExternal)
            {
                context.Error(Code, $"@override cannot be used on field \"{coordinate}\" on subgraph \"{graph.Name}\" since \"{coordinate}\" on \"{graph.Name}\" is marked with directive \"@external\".",
                    graph, coordinate, field.Location, "Remove @external or @override.");
            }
        }
    }
}
