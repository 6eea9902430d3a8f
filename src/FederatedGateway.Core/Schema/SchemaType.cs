using System.Collections.Frozen;
using System.Collections.Immutable;

namespace FederatedGateway.Core.Schema;

/// <summary>A named type of the supergraph with its per-subgraph metadata; immutable once the reader has built it.</summary>
public sealed class SchemaType
{
    private readonly ImmutableArray<SchemaEnumValue> _enumValues = ImmutableArray<SchemaEnumValue>.Empty;
    private readonly FrozenSet<string> _visibleEnumValues = FrozenSet<string>.Empty;

    internal SchemaType(string name, TypeKind kind)
    {
        Name = name;
        Kind = kind;
    }

    public string Name { get; }

    public TypeKind Kind { get; }

    public string? Description { get; internal init; }

    public bool Inaccessible { get; internal init; }

    /// <summary>A scalar of the GraphQL spec (String, Int, Float, Boolean, ID), never printed.</summary>
    public bool IsBuiltIn { get; internal init; }

    /// <summary>Fields of objects and interfaces, in declaration order.</summary>
    public FrozenOrderedDictionary<SchemaField> Fields { get; internal init; } = FrozenOrderedDictionary<SchemaField>.Empty;

    /// <summary>Field names in declaration order.</summary>
    public ImmutableArray<string> FieldOrder => Fields.Keys;

    public ImmutableArray<string> Interfaces { get; internal init; } = ImmutableArray<string>.Empty;

    public ImmutableArray<string> UnionMembers { get; internal init; } = ImmutableArray<string>.Empty;

    public ImmutableArray<SchemaEnumValue> EnumValues
    {
        get => _enumValues;
        internal init
        {
            _enumValues = value;
            _visibleEnumValues = value.Where(v => !v.Inaccessible).Select(v => v.Name).ToFrozenSet(StringComparer.Ordinal);
        }
    }

    public ImmutableArray<SchemaArgument> InputFields { get; internal init; } = ImmutableArray<SchemaArgument>.Empty;

    /// <summary>For scalars: <c>@specifiedBy(url:)</c>.</summary>
    public string? SpecifiedByUrl { get; internal init; }

    /// <summary>For input objects: <c>@oneOf</c> (exactly one field is given, and it is not null).</summary>
    public bool IsOneOf { get; internal init; }

    /// <summary>Per subgraph: how the type exists there (<c>@join__type</c>), in the order the supergraph gives them.</summary>
    public FrozenOrderedDictionary<TypeInSubgraph> Graphs { get; internal init; } = FrozenOrderedDictionary<TypeInSubgraph>.Empty;

    public bool IsAbstract => Kind is TypeKind.Interface or TypeKind.Union;

    public bool IsComposite => Kind is TypeKind.Object or TypeKind.Interface or TypeKind.Union;

    public bool IsLeaf => Kind is TypeKind.Scalar or TypeKind.Enum;

    /// <summary>True when <paramref name="value"/> is an enum value of this type that the API schema exposes.</summary>
    public bool HasVisibleEnumValue(string value) => _visibleEnumValues.Contains(value);

    public SchemaField? FindField(string name) => Fields.TryGetValue(name, out var f) ? f : null;
}
