using FederatedGateway.Core.Schema;

namespace FederatedGateway.Core.Composition.Rules.Supergraph;

/// <summary>A field that implements an accessible interface field is not @inaccessible.</summary>
internal sealed class ImplementedByInaccessibleRule : ISupergraphRule
{
    public const string Code = ErrorCodes.ImplementedByInaccessible;

    public IReadOnlyList<string> Codes { get; } = [Code];

    public void Validate(SupergraphRuleContext context)
    {
        foreach (var type in context.Schema.Types.Values.Where(t => !t.IsInaccessible && t.Kind is TypeKind.Object or TypeKind.Interface))
        {
            foreach (var field in type.Fields.Where(f => f.IsInaccessible))
            {
                foreach (var name in type.Implements)
                {
                    var iface = context.Schema.Type(name);
                    if (iface is { IsInaccessible: false } && iface.Field(field.Name) is { IsInaccessible: false })
                    {
                        context.Error(Code, $"Field \"{type.Name}.{field.Name}\" is @inaccessible but implements the interface field \"{name}.{field.Name}\", which is in the API schema.",
                            field.Sources.FirstOrDefault().Graph, $"{type.Name}.{field.Name}", default, $"Mark \"{name}.{field.Name}\" @inaccessible too, or keep the field accessible.");
                    }
                }
            }
        }
    }
}
