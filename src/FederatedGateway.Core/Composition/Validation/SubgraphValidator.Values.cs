using FederatedGateway.Core.Composition.Subgraphs;
using FederatedGateway.Core.Schema;
using GraphQLParser.AST;

namespace FederatedGateway.Core.Composition.Validation;

internal sealed partial class SubgraphValidator
{
    /// <summary>Default values must be valid for their input type (literal kinds, enum values, input fields, lists).</summary>
    private void CheckDefaultValues()
    {
        foreach (var type in _schema.Types.Values)
        {
            foreach (var field in type.Fields)
            {
                var coordinate = $"{type.Name}.{field.Name}";
                if (field.DefaultValue is not null && !IsValid(field.DefaultValue, field.Type))
                {
                    Error(ErrorCodes.InvalidGraphQL, $"Default value of \"{coordinate}\" is not a valid \"{field.Type}\".", coordinate, field.Location, "Fix the default value or the type.");
                }

                foreach (var argument in field.Arguments)
                {
                    if (argument.DefaultValue is not null && !IsValid(argument.DefaultValue, argument.Type))
                    {
                        Error(ErrorCodes.InvalidGraphQL, $"Default value of argument \"{coordinate}({argument.Name}:)\" is not a valid \"{argument.Type}\".", coordinate, field.Location, "Fix the default value or the argument type.");
                    }
                }
            }
        }
    }

    private bool IsValid(GraphQLValue value, TypeRef type)
    {
        if (value is GraphQLNullValue)
        {
            return !type.IsNonNull;
        }

        if (value is GraphQLVariable)
        {
            return false;
        }

        var nullable = type.Nullable;
        if (nullable.IsList)
        {
            return value is GraphQLListValue list
                ? (list.Values ?? new List<GraphQLValue>()).All(v => IsValid(v, nullable.OfType!))
                : IsValid(value, nullable.OfType!);
        }

        switch (nullable.Name)
        {
            case "Int": return value is GraphQLIntValue;
            case "Float": return value is GraphQLIntValue or GraphQLFloatValue;
            case "String": return value is GraphQLStringValue;
            case "Boolean": return value is GraphQLBooleanValue;
            case "ID": return value is GraphQLStringValue or GraphQLIntValue;
        }

        var target = _schema.Type(nullable.Name!);
        switch (target?.Kind)
        {
            case TypeKind.Enum:
                return value is GraphQLEnumValue e && target.EnumValues.Exists(v => v.Name == e.Name.StringValue);
            case TypeKind.InputObject:
                if (value is not GraphQLObjectValue o)
                {
                    return false;
                }

                var given = o.Fields ?? new List<GraphQLObjectField>();
                return given.All(f => target.Field(f.Name.StringValue) is { } inputField && IsValid(f.Value, inputField.Type))
                    && target.Fields.All(f => !f.Type.IsNonNull || f.DefaultValue is not null || given.Exists(g => g.Name.StringValue == f.Name));
            default:
                return true;
        }
    }

    private void CheckInterfaceCycles()
    {
        foreach (var type in _schema.Types.Values)
        {
            if (type.Kind == TypeKind.Interface && type.Implements.Contains(type.Name))
            {
                Error(ErrorCodes.InvalidGraphQL, $"Interface \"{type.Name}\" cannot implement itself.", type.Name, type.Location);
            }
        }
    }
}
