using FederatedGateway.Core.Composition.Subgraphs;
using FederatedGateway.Core.Schema;

namespace FederatedGateway.Core.Composition.Rules.Subgraph;

/// <summary>
/// Every type the subgraph references is defined there and of a fitting kind: interfaces implemented, object union
/// members, output types for fields, input types for arguments and input fields.
/// </summary>
internal sealed class UnknownOrWrongKindTypeReferenceRule : ISubgraphRule
{
    public const string Code = ErrorCodes.InvalidGraphQL;

    private static readonly HashSet<string> BuiltInScalars = new(StringComparer.Ordinal) { "String", "Int", "Float", "Boolean", "ID" };

    public IReadOnlyList<string> Codes { get; } = [Code];

    public void Validate(SubgraphRuleContext context)
    {
        var schema = context.Schema;
        foreach (var type in schema.Types.Values)
        {
            foreach (var name in type.Implements)
            {
                var target = schema.Type(name);
                if (target is null || target.Kind != TypeKind.Interface)
                {
                    context.Error(Code, target is null ? $"Type \"{type.Name}\" implements unknown interface \"{name}\"." : $"Type \"{type.Name}\" cannot implement \"{name}\": it is not an interface.", type.Name, type.Location);
                }
            }

            foreach (var member in type.UnionMembers)
            {
                var target = schema.Type(member);
                if (target is null || target.Kind != TypeKind.Object)
                {
                    context.Error(Code, target is null ? $"Union \"{type.Name}\" has unknown member type \"{member}\"." : $"Union \"{type.Name}\" can only include object types; \"{member}\" is not one.", type.Name, type.Location);
                }
            }

            foreach (var field in type.Fields)
            {
                var coordinate = $"{type.Name}.{field.Name}";
                CheckTypeReference(context, field.Type, coordinate, field.Location, type.Kind == TypeKind.InputObject);
                foreach (var argument in field.Arguments)
                {
                    CheckTypeReference(context, argument.Type, $"{coordinate}({argument.Name}:)", field.Location, input: true);
                }
            }
        }
    }

    private static void CheckTypeReference(SubgraphRuleContext context, TypeRef type, string coordinate, SdlLocation location, bool input)
    {
        var name = type.NamedType;
        if (BuiltInScalars.Contains(name))
        {
            return;
        }

        var target = context.Schema.Type(name);
        if (target is null)
        {
            context.Error(Code, $"Unknown type \"{name}\" used by \"{coordinate}\".", coordinate, location, $"Define \"{name}\" in this subgraph (every subgraph must define the types it references).");
            return;
        }

        var isInputKind = target.Kind is TypeKind.InputObject or TypeKind.Enum or TypeKind.Scalar;
        var isOutputKind = target.Kind is not TypeKind.InputObject;
        if (input ? !isInputKind : !isOutputKind)
        {
            context.Error(Code, $"\"{coordinate}\" must have an {(input ? "input" : "output")} type, but \"{name}\" is {Kinds.Describe(target.Kind)}.", coordinate, location);
        }
    }
}
