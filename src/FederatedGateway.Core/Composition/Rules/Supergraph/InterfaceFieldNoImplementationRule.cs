using FederatedGateway.Core.Schema;

namespace FederatedGateway.Core.Composition.Rules.Supergraph;

/// <summary>Every implementation has the fields of its interfaces in the supergraph.</summary>
internal sealed class InterfaceFieldNoImplementationRule : ISupergraphRule
{
    public const string Code = ErrorCodes.InterfaceFieldNoImplem;

    public IReadOnlyList<string> Codes { get; } = [Code];

    public void Validate(SupergraphRuleContext context)
    {
        foreach (var type in context.Schema.Types.Values)
        {
            foreach (var name in type.Implements)
            {
                var iface = context.Schema.Type(name);
                if (iface is null || iface.Kind != TypeKind.Interface)
                {
                    continue;
                }

                foreach (var field in iface.Fields)
                {
                    if (type.Field(field.Name) is null)
                    {
                        var declaredIn = SupergraphRuleContext.Names(field.Sources.Select(s => s.Graph));
                        var implementsIn = SupergraphRuleContext.Names(type.JoinImplements.Where(j => j.Interface == name).Select(j => j.Graph));
                        context.Error(Code, $"Interface field \"{name}.{field.Name}\" is declared in {declaredIn} but type \"{type.Name}\", which implements \"{name}\" only in {implementsIn} does not have field \"{field.Name}\".",
                            type.Sources[0].Graph, $"{type.Name}.{field.Name}", type.Sources[0].Type.Location, $"Add \"{field.Name}\" to \"{type.Name}\" in the subgraphs where it implements \"{name}\".");
                    }
                }
            }
        }
    }
}
