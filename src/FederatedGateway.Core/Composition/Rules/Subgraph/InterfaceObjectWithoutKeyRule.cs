namespace FederatedGateway.Core.Composition.Rules.Subgraph;

/// <summary>An @interfaceObject type must be an entity (have a @key) in its subgraph.</summary>
internal sealed class InterfaceObjectWithoutKeyRule : ISubgraphRule
{
    public const string Code = ErrorCodes.InterfaceObjectUsageError;

    public IReadOnlyList<string> Codes { get; } = [Code];

    public void Validate(SubgraphRuleContext context)
    {
        foreach (var type in context.Schema.Types.Values)
        {
            if (type.IsInterfaceObject && type.Keys.Count == 0)
            {
                context.Error(Code, $"The @interfaceObject directive can only be applied to entity types but type \"{type.Name}\" has no @key in this subgraph.", type.Name, type.Location, "Add the interface's @key to the @interfaceObject type.");
            }
        }
    }
}
