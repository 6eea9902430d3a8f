using FederatedGateway.Core.Schema;

namespace FederatedGateway.Core.Composition.Rules.Supergraph;

/// <summary>A type declared with @interfaceObject is a real interface in at least one subgraph.</summary>
internal sealed class InterfaceObjectWithoutInterfaceRule : ISupergraphRule
{
    public const string Code = ErrorCodes.InterfaceObjectUsageError;

    public IReadOnlyList<string> Codes { get; } = [Code];

    public void Validate(SupergraphRuleContext context)
    {
        foreach (var type in context.Schema.Types.Values)
        {
            if (type.Kind == TypeKind.Interface && type.Sources.Count > 0 && type.Sources.All(s => s.Type.IsInterfaceObject))
            {
                context.Error(Code,
                    $"Type \"{type.Name}\" is declared with @interfaceObject in all the subgraphs in which is is defined (it is defined in {SupergraphRuleContext.Names(type.Sources.Select(s => s.Graph))} but should be defined as an interface in at least one subgraph).",
                    type.Sources[0].Graph, type.Name, type.Sources[0].Type.Location, $"Define \"{type.Name}\" as an interface with @key in the subgraph that owns its implementations.");
            }
        }
    }
}
