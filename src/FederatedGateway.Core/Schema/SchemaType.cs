namespace FederatedGateway.Core.Schema;

/// <summary>A named type of the supergraph with its per-subgraph metadata.</summary>
public sealed class SchemaType
{
    public SchemaType(string name, TypeKind kind)
    {
        Name = name;
        Kind = kind;
    }

    public string Name { get; }

    public TypeKind Kind { get; }

    public string? Description { get; set; }

    public bool Inaccessible { get; set; }

    /// <summary>A scalar of the GraphQL spec (String, Int, Float, Boolean, ID), never printed.</summary>
    public bool IsBuiltIn { get; init; }

    /// <summary>Fields of objects and interfaces, in declaration order.</summary>
    public Dictionary<string, SchemaField> Fields { get; } = new(StringComparer.Ordinal);

    public List<string> FieldOrder { get; } = new();

    public List<string> Interfaces { get; } = new();

    public List<string> UnionMembers { get; } = new();

    public List<SchemaEnumValue> EnumValues { get; } = new();

    public List<SchemaArgument> InputFields { get; } = new();

    /// <summary>For scalars: <c>@specifiedBy(url:)</c>.</summary>
    public string? SpecifiedByUrl { get; set; }

    /// <summary>For input objects: <c>@oneOf</c> (exactly one field is given, and it is not null).</summary>
    public bool IsOneOf { get; set; }

    /// <summary>Per subgraph: how the type exists there (<c>@join__type</c>).</summary>
    public Dictionary<string, TypeInSubgraph> Graphs { get; } = new(StringComparer.Ordinal);

    public bool IsAbstract => Kind is TypeKind.Interface or TypeKind.Union;

    public bool IsComposite => Kind is TypeKind.Object or TypeKind.Interface or TypeKind.Union;

    public bool IsLeaf => Kind is TypeKind.Scalar or TypeKind.Enum;

    private HashSet<string>? _visibleEnumValues;

    /// <summary>True when <paramref name="value"/> is an enum value of this type that the API schema exposes.</summary>
    public bool HasVisibleEnumValue(string value)
    {
        var set = _visibleEnumValues;
        if (set is null)
        {
            set = new HashSet<string>(StringComparer.Ordinal);
            foreach (var enumValue in EnumValues)
            {
                if (!enumValue.Inaccessible)
                {
                    set.Add(enumValue.Name);
                }
            }

            _visibleEnumValues = set;
        }

        return set.Contains(value);
    }

    public SchemaField? FindField(string name) => Fields.TryGetValue(name, out var f) ? f : null;
}
