using GraphQL.Types;

namespace FederatedGateway.Core.Operations;

/// <summary>The spec's SameResponseShape at one level: the same list and non-null wrapping, and the same leaf type when either is a leaf.</summary>
internal static class ResponseShape
{
    public static bool AreSame(IGraphType a, IGraphType b)
    {
        while (true)
        {
            if (a is NonNullGraphType || b is NonNullGraphType)
            {
                if (a is not NonNullGraphType nonNullA || b is not NonNullGraphType nonNullB)
                {
                    return false;
                }

                a = nonNullA.ResolvedType!;
                b = nonNullB.ResolvedType!;
                continue;
            }

            if (a is ListGraphType || b is ListGraphType)
            {
                if (a is not ListGraphType listA || b is not ListGraphType listB)
                {
                    return false;
                }

                a = listA.ResolvedType!;
                b = listB.ResolvedType!;
                continue;
            }

            // Enum types are scalar graph types in GraphQL.NET.
            if (a is ScalarGraphType || b is ScalarGraphType)
            {
                return ReferenceEquals(a, b) || a.Name == b.Name;
            }

            return true;
        }
    }

    /// <summary>The type as written in GraphQL, e.g. <c>[String!]</c>.</summary>
    public static string Print(IGraphType type) => type switch
    {
        NonNullGraphType nonNull => Print(nonNull.ResolvedType!) + "!",
        ListGraphType list => "[" + Print(list.ResolvedType!) + "]",
        _ => type.Name,
    };

    /// <summary>The named type under the list and non-null wrappers.</summary>
    public static IGraphType Named(IGraphType type)
    {
        while (true)
        {
            switch (type)
            {
                case NonNullGraphType nonNull:
                    type = nonNull.ResolvedType!;
                    break;
                case ListGraphType list:
                    type = list.ResolvedType!;
                    break;
                default:
                    return type;
            }
        }
    }
}
