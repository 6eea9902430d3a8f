namespace FederatedGateway.Core.Composition.Rules.Supergraph;

/// <summary>A field is overridden in one direction only: the subgraph it is taken from does not @override it back.</summary>
internal sealed class OverrideSourceHasOverrideRule : ISupergraphRule
{
    public const string Code = ErrorCodes.OverrideSourceHasOverride;

    public IReadOnlyList<string> Codes { get; } = [Code];

    public void Validate(SupergraphRuleContext context)
    {
        foreach (var (coordinate, graph, field, merged) in Overrides.All(context.Schema))
        {
            if (field.IsExternal || field.OverrideFrom == graph.Name)
            {
                continue;
            }

            var target = merged.Sources.FirstOrDefault(s => s.Graph.Name == field.OverrideFrom);
            if (target.Graph is not null && target.Field.OverrideFrom is not null)
            {
                context.Error(Code, $"Field \"{coordinate}\" on subgraph \"{graph.Name}\" is also marked with directive @override in subgraph \"{target.Graph.Name}\". Only one @override directive is allowed per field.",
                    graph, coordinate, field.Location, "Keep @override in one subgraph only.");
            }
        }
    }
}
