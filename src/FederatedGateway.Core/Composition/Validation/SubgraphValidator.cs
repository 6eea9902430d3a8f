using FederatedGateway.Core.Composition.Subgraphs;
using FederatedGateway.Core.Schema;

namespace FederatedGateway.Core.Composition.Validation;

/// <summary>Checks one subgraph on its own: type references, field sets of @key/@requires/@provides, @external use.</summary>
internal sealed partial class SubgraphValidator
{
    private static readonly HashSet<string> BuiltInScalars = new(StringComparer.Ordinal) { "String", "Int", "Float", "Boolean", "ID" };

    private readonly SubgraphSchema _schema;
    private readonly List<CompositionError> _errors;

    private SubgraphValidator(SubgraphSchema schema, List<CompositionError> errors)
    {
        _schema = schema;
        _errors = errors;
    }

    public static void Validate(SubgraphSchema schema, List<CompositionError> errors)
    {
        var validator = new SubgraphValidator(schema, errors);
        validator.CheckReferences();
        validator.CheckInterfaceCycles();
        if (errors.Count == 0)
        {
            validator.CheckDefaultValues();
        }

        if (errors.Count > 0)
        {
            return;
        }

        validator.CheckKeys();
        validator.CheckRequiresAndProvides();
        validator.CheckDirectivePlacement();
        if (schema.IsFederation2)
        {
            validator.CheckUnusedExternals();
        }
    }

    private void CheckReferences()
    {
        foreach (var type in _schema.Types.Values)
        {
            foreach (var name in type.Implements)
            {
                var target = _schema.Type(name);
                if (target is null || target.Kind != TypeKind.Interface)
                {
                    Error(ErrorCodes.InvalidGraphQL, target is null ? $"Type \"{type.Name}\" implements unknown interface \"{name}\"." : $"Type \"{type.Name}\" cannot implement \"{name}\": it is not an interface.", type.Name, type.Location);
                }
            }

            foreach (var member in type.UnionMembers)
            {
                var target = _schema.Type(member);
                if (target is null || target.Kind != TypeKind.Object)
                {
                    Error(ErrorCodes.InvalidGraphQL, target is null ? $"Union \"{type.Name}\" has unknown member type \"{member}\"." : $"Union \"{type.Name}\" can only include object types; \"{member}\" is not one.", type.Name, type.Location);
                }
            }

            foreach (var field in type.Fields)
            {
                var coordinate = $"{type.Name}.{field.Name}";
                var isInput = type.Kind == TypeKind.InputObject;
                CheckTypeReference(field.Type, coordinate, field.Location, isInput);
                foreach (var argument in field.Arguments)
                {
                    CheckTypeReference(argument.Type, $"{coordinate}({argument.Name}:)", field.Location, input: true);
                }
            }
        }
    }

    private void CheckTypeReference(TypeRef type, string coordinate, SdlLocation location, bool input)
    {
        var name = type.NamedType;
        if (BuiltInScalars.Contains(name))
        {
            return;
        }

        var target = _schema.Type(name);
        if (target is null)
        {
            Error(ErrorCodes.InvalidGraphQL, $"Unknown type \"{name}\" used by \"{coordinate}\".", coordinate, location, $"Define \"{name}\" in this subgraph (every subgraph must define the types it references).");
            return;
        }

        var isInputKind = target.Kind is TypeKind.InputObject or TypeKind.Enum or TypeKind.Scalar;
        var isOutputKind = target.Kind is not TypeKind.InputObject;
        if (input ? !isInputKind : !isOutputKind)
        {
            Error(ErrorCodes.InvalidGraphQL, $"\"{coordinate}\" must have an {(input ? "input" : "output")} type, but \"{name}\" is {Kinds.Describe(target.Kind)}.", coordinate, location);
        }
    }

    private void Error(string code, string message, string? element, SdlLocation location, string? hint = null) =>
        _errors.Add(new CompositionError(code, message, _schema.Name, element, location.Line == 0 ? null : location.Line, location.Line == 0 ? null : location.Column, hint));
}
