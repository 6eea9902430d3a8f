using System.Text;

namespace FederatedGateway.Core.Schema;

/// <summary>A wrapped type reference: <c>[Name!]!</c>.</summary>
public sealed class TypeRef
{
    private TypeRef(string? name, TypeRef? ofType, bool nonNull)
    {
        Name = name;
        OfType = ofType;
        IsNonNull = nonNull;
    }

    /// <summary>Set for a named type; null for list and non-null wrappers.</summary>
    public string? Name { get; }

    /// <summary>What <see cref="FederatedSchema.FindType(TypeRef)"/> found for this reference, and in which schema.</summary>
    internal ResolvedType? Resolution { get; set; }

    internal sealed record ResolvedType(FederatedSchema Schema, SchemaType? Type);

    /// <summary>The wrapped type for list and non-null wrappers.</summary>
    public TypeRef? OfType { get; }

    public bool IsNonNull { get; }

    public bool IsList => Name is null && !IsNonNull;

    public static TypeRef Named(string name) => new(name, null, false);

    public static TypeRef List(TypeRef item) => new(null, item, false);

    public static TypeRef NonNull(TypeRef inner) => new(null, inner, true);

    /// <summary>The innermost named type.</summary>
    public string NamedType
    {
        get
        {
            var t = this;
            while (t.Name is null)
            {
                t = t.OfType!;
            }

            return t.Name;
        }
    }

    /// <summary>The type without its outer non-null wrapper.</summary>
    public TypeRef Nullable => IsNonNull ? OfType! : this;

    public override string ToString()
    {
        var sb = new StringBuilder();
        Append(sb);
        return sb.ToString();
    }

    public void Append(StringBuilder sb)
    {
        if (Name is not null)
        {
            sb.Append(Name);
        }
        else if (IsNonNull)
        {
            OfType!.Append(sb);
            sb.Append('!');
        }
        else
        {
            sb.Append('[');
            OfType!.Append(sb);
            sb.Append(']');
        }
    }
}
