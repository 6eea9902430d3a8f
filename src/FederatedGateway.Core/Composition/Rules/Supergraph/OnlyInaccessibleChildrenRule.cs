using FederatedGateway.Core.Schema;

namespace FederatedGateway.Core.Composition.Rules.Supergraph;

/// <summary>A type in the API schema keeps at least one accessible field, enum value or union member.</summary>
internal sealed class OnlyInaccessibleChildrenRule : ISupergraphRule
{
    public const string Code = ErrorCodes.OnlyInaccessibleChildren;

    public IReadOnlyList<string> Codes { get; } = [Code];

    public void Validate(SupergraphRuleContext context)
    {
        foreach (var type in context.Schema.Types.Values.Where(t => !t.IsInaccessible))
        {
            var (count, hidden) = type.Kind switch
            {
                TypeKind.Object or TypeKind.Interface or TypeKind.InputObject => (type.Fields.Count, type.Fields.Count(f => f.IsInaccessible)),
                TypeKind.Enum => (type.EnumValues.Count, type.EnumValues.Count(v => v.IsInaccessible)),
                TypeKind.Union => (type.UnionMembers.Count, type.UnionMembers.Count(m => context.Schema.Type(m)?.IsInaccessible == true)),
                _ => (0, 0),
            };
            if (count > 0 && count == hidden)
            {
                var children = type.Kind switch { TypeKind.Enum => "values", TypeKind.Union => "member types", _ => "fields" };
                context.Error(Code, $"Type \"{type.Name}\" is in the API schema but all of its {children} are @inaccessible.", type.Sources[0].Graph, type.Name, type.Sources[0].Type.Location,
                    $"Make one of its {children} accessible, or mark \"{type.Name}\" @inaccessible too.");
            }
        }
    }
}
