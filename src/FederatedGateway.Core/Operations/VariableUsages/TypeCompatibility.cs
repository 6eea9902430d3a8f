using GraphQL.Types;
using GraphQLParser.AST;

namespace FederatedGateway.Core.Operations.VariableUsages;

/// <summary>The spec's AreTypesCompatible (section 5.8.5): a variable's declared type against a location's expected type.</summary>
internal static class TypeCompatibility
{
    public static bool AreCompatible(GraphQLType variableType, IGraphType locationType)
    {
        if (locationType is NonNullGraphType nonNullLocation)
        {
            return variableType is GraphQLNonNullType nonNullVariable && AreCompatible(nonNullVariable.Type, nonNullLocation.ResolvedType!);
        }

        if (variableType is GraphQLNonNullType nonNull)
        {
            return AreCompatible(nonNull.Type, locationType);
        }

        if (locationType is ListGraphType listLocation)
        {
            return variableType is GraphQLListType listVariable && AreCompatible(listVariable.Type, listLocation.ResolvedType!);
        }

        return variableType is GraphQLNamedType named && named.Name.StringValue == locationType.Name;
    }

    /// <summary>A location type as GraphQL text (<c>[Int!]!</c>), for messages.</summary>
    public static string Print(IGraphType type) => type switch
    {
        NonNullGraphType nonNull => Print(nonNull.ResolvedType!) + "!",
        ListGraphType list => "[" + Print(list.ResolvedType!) + "]",
        _ => type.Name,
    };

    /// <summary>A variable's declared type as GraphQL text.</summary>
    public static string Print(GraphQLType type) => type switch
    {
        GraphQLNonNullType nonNull => Print(nonNull.Type) + "!",
        GraphQLListType list => "[" + Print(list.Type) + "]",
        GraphQLNamedType named => named.Name.StringValue,
        _ => type.ToString() ?? string.Empty,
    };
}
