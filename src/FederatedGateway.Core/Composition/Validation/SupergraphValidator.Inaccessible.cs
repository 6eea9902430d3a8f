using FederatedGateway.Core.Composition.Merging;
using FederatedGateway.Core.Schema;

namespace FederatedGateway.Core.Composition.Validation;

internal sealed partial class SupergraphValidator
{
    /// <summary>The API schema (without @inaccessible elements) must still be a valid schema.</summary>
    private void CheckInaccessible()
    {
        if (_schema.Type("Query") is { IsInaccessible: true } query)
        {
            Error(ErrorCodes.QueryRootTypeInaccessible, "Type \"Query\" is @inaccessible but is the query root type, which must be in the API schema.", query.Sources[0].Graph, "Query", default, "Remove @inaccessible from the query root type.");
        }

        foreach (var type in _schema.Types.Values)
        {
            if (type.IsInaccessible)
            {
                continue;
            }

            CheckVisibleChildren(type);
            foreach (var field in type.Fields)
            {
                var coordinate = $"{type.Name}.{field.Name}";
                if (!field.IsInaccessible)
                {
                    CheckReferencedType(field.Type.NamedType, coordinate);
                }
                else if (type.Kind == TypeKind.InputObject && field.Type.IsNonNull && field.DefaultValue is null)
                {
                    Error(ErrorCodes.RequiredInaccessible, $"Input field \"{coordinate}\" is @inaccessible but is a required input field of its type.", field.Sources[0].Graph, coordinate, field.Sources[0].Field.Location, "Make the input field optional or keep it in the API schema.");
                }
                else if (type.Kind is TypeKind.Object or TypeKind.Interface)
                {
                    CheckImplementedByInaccessible(type, field);
                }

                foreach (var argument in field.Arguments)
                {
                    var argumentCoordinate = $"{coordinate}({argument.Name}:)";
                    if (!argument.IsInaccessible && !field.IsInaccessible)
                    {
                        CheckReferencedType(argument.Type.NamedType, argumentCoordinate);
                    }
                    else if (argument.IsInaccessible && argument.Type.IsNonNull && argument.DefaultValue is null)
                    {
                        Error(ErrorCodes.RequiredInaccessible, $"Argument \"{argumentCoordinate}\" is @inaccessible but is a required argument of its field.", field.Sources.FirstOrDefault().Graph, argumentCoordinate, default, "Make the argument optional or keep it in the API schema.");
                    }
                }
            }
        }
    }

    private void CheckVisibleChildren(MergedType type)
    {
        var (count, hidden) = type.Kind switch
        {
            TypeKind.Object or TypeKind.Interface or TypeKind.InputObject => (type.Fields.Count, type.Fields.Count(f => f.IsInaccessible)),
            TypeKind.Enum => (type.EnumValues.Count, type.EnumValues.Count(v => v.IsInaccessible)),
            TypeKind.Union => (type.UnionMembers.Count, type.UnionMembers.Count(m => _schema.Type(m)?.IsInaccessible == true)),
            _ => (0, 0),
        };
        if (count > 0 && count == hidden)
        {
            var children = type.Kind switch { TypeKind.Enum => "values", TypeKind.Union => "member types", _ => "fields" };
            Error(ErrorCodes.OnlyInaccessibleChildren, $"Type \"{type.Name}\" is in the API schema but all of its {children} are @inaccessible.", type.Sources[0].Graph, type.Name, type.Sources[0].Type.Location,
                $"Make one of its {children} accessible, or mark \"{type.Name}\" @inaccessible too.");
        }
    }

    private void CheckReferencedType(string typeName, string coordinate)
    {
        var target = _schema.Type(typeName);
        if (target is { IsInaccessible: true })
        {
            Error(ErrorCodes.ReferencedInaccessible, $"Type \"{typeName}\" is @inaccessible but is referenced by \"{coordinate}\", which is in the API schema.", target.Sources[0].Graph, coordinate, default,
                $"Mark \"{coordinate}\" @inaccessible too, or make \"{typeName}\" accessible.");
        }
    }

    private void CheckImplementedByInaccessible(MergedType type, MergedField field)
    {
        foreach (var name in type.Implements)
        {
            var iface = _schema.Type(name);
            var interfaceField = iface?.Field(field.Name);
            if (iface is { IsInaccessible: false } && interfaceField is { IsInaccessible: false })
            {
                Error(ErrorCodes.ImplementedByInaccessible, $"Field \"{type.Name}.{field.Name}\" is @inaccessible but implements the interface field \"{name}.{field.Name}\", which is in the API schema.",
                    field.Sources.FirstOrDefault().Graph, $"{type.Name}.{field.Name}", default, $"Mark \"{name}.{field.Name}\" @inaccessible too, or keep the field accessible.");
            }
        }
    }
}
