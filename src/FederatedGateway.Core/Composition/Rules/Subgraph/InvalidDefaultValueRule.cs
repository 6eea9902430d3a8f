using FederatedGateway.Core.Composition.Subgraphs;
using FederatedGateway.Core.Schema;
using GraphQLParser.AST;

namespace FederatedGateway.Core.Composition.Rules.Subgraph;

/// <summary>Default values of arguments and input fields are valid for their type (literal kinds, enum values, input fields, lists).</summary>
internal sealed class InvalidDefaultValueRule : ISubgraphRule
{
    public const string Code = ErrorCodes.InvalidGraphQL;

    public IReadOnlyList<string> Codes { get; } = [Code];

    public void Validate(SubgraphRuleContext context)
    {
        var schema = context.Schema;
        foreach (var type in schema.Types.Values)
        {
            foreach (var field in type.Fields)
            {
                var coordinate = $"{type.Name}.{field.Name}";
                if (field.DefaultValue is not null && !IsValid(schema, field.DefaultValue, field.Type))
                {
                    context.Error(Code, $"Default value of \"{coordinate}\" is not a valid \"{field.Type}\".", coordinate, field.Location, "Fix the default value or the type.");
                }

                foreach (var argument in field.Arguments)
                {
                    if (argument.DefaultValue is not null && !IsValid(schema, argument.DefaultValue, argument.Type))
                    {
                        context.Error(Code, $"Default value of argument \"{coordinate}({argument.Name}:)\" is not a valid \"{argument.Type}\".", coordinate, field.Location, "Fix the default value or the argument type.");
                    }
                }
            }
        }
    }

    private static bool IsValid(SubgraphSchema schema, GraphQLValue value, TypeRef type)
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
                ? (list.Values ?? new List<GraphQLValue>()).All(v => IsValid(schema, v, nullable.OfType!))
                : IsValid(schema, value, nullable.OfType!);
        }

        switch (nullable.Name)
        {
            case "Int": return value is GraphQLIntValue;
            case "Float": return value is GraphQLIntValue or GraphQLFloatValue;
            case "String": return value is GraphQLStringValue;
            case "Boolean": return value is GraphQLBooleanValue;
            case "ID": return value is GraphQLStringValue or GraphQLIntValue;
        }

        var target = schema.Type(nullable.Name!);
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
                return given.All(f => target.Field(f.Name.StringValue) is { } inputField && IsValid(schema, f.Value, inputField.Type))
                    && target.Fields.All(f => !f.Type.IsNonNull || f.DefaultValue is not null || given.Exists(g => g.Name.StringValue == f.Name));
            default:
                return true;
        }
    }
}
