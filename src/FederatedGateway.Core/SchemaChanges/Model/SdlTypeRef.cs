using GraphQLParser.AST;

namespace FederatedGateway.Core.SchemaChanges.Model;

/// <summary>A type reference (<c>[String!]!</c>) as a small tree, for the compatibility rules of outputs and inputs.</summary>
internal sealed record SdlTypeRef(string? Name, SdlTypeRef? OfType, bool IsNonNull)
{
    public bool IsList => Name is null && !IsNonNull;

    public string NamedType => Name ?? OfType!.NamedType;

    public static SdlTypeRef From(GraphQLType type) => type switch
    {
        GraphQLNamedType named => new SdlTypeRef(named.Name.StringValue, null, false),
        GraphQLListType list => new SdlTypeRef(null, From(list.Type), false),
        GraphQLNonNullType nonNull => new SdlTypeRef(null, From(nonNull.Type), true),
        _ => throw new ArgumentException("unknown type reference", nameof(type)),
    };

    /// <summary>
    /// Whether a field of type <paramref name="before"/> may become <paramref name="after"/> without breaking a client
    /// that reads it: the same named type, possibly made non-null at any list level (clients never see the null they
    /// handled).
    /// </summary>
    public static bool SafeForOutput(SdlTypeRef before, SdlTypeRef after)
    {
        if (before.IsNonNull)
        {
            return after.IsNonNull && SafeForOutput(before.OfType!, after.OfType!);
        }

        if (after.IsNonNull)
        {
            return SafeForOutput(before, after.OfType!);
        }

        if (before.IsList)
        {
            return after.IsList && SafeForOutput(before.OfType!, after.OfType!);
        }

        return after.Name == before.Name;
    }

    /// <summary>
    /// Whether an argument or input field of type <paramref name="before"/> may become <paramref name="after"/>
    /// without rejecting what clients send: the same named type, possibly made nullable at any list level.
    /// </summary>
    public static bool SafeForInput(SdlTypeRef before, SdlTypeRef after)
    {
        if (before.IsNonNull)
        {
            return after.IsNonNull ? SafeForInput(before.OfType!, after.OfType!) : SafeForInput(before.OfType!, after);
        }

        if (after.IsNonNull)
        {
            return false;
        }

        if (before.IsList)
        {
            return after.IsList && SafeForInput(before.OfType!, after.OfType!);
        }

        return after.Name == before.Name;
    }

    public override string ToString() => Name ?? (IsNonNull ? OfType + "!" : "[" + OfType + "]");
}
