using System.Collections.Immutable;

namespace FederatedGateway.Core.Schema;

/// <summary>A field of an object or interface type, with what each subgraph says of it; immutable once read.</summary>
public sealed class SchemaField
{
    internal SchemaField(string parentType, string name, TypeRef type)
    {
        ParentType = parentType;
        Name = name;
        Type = type;
    }

    public string ParentType { get; }

    public string Name { get; }

    public TypeRef Type { get; }

    public string? Description { get; internal init; }

    public bool Inaccessible { get; internal init; }

    public bool IsDeprecated { get; internal init; }

    public string? DeprecationReason { get; internal init; }

    public ImmutableArray<SchemaArgument> Arguments { get; internal init; } = ImmutableArray<SchemaArgument>.Empty;

    /// <summary>
    /// Per subgraph: how the field exists there. When the supergraph put no <c>@join__field</c> on it, every subgraph
    /// that has the parent type resolves it (see <see cref="AppearsInAllTypeGraphs"/>) and is listed here.
    /// </summary>
    public FrozenOrderedDictionary<FieldInSubgraph> Graphs { get; internal init; } = FrozenOrderedDictionary<FieldInSubgraph>.Empty;

    /// <summary>True when no <c>@join__field</c> was given: the field belongs to every subgraph of its type.</summary>
    public bool AppearsInAllTypeGraphs { get; internal init; }

    public SchemaArgument? FindArgument(string name)
    {
        foreach (var arg in Arguments)
        {
            if (arg.Name == name)
            {
                return arg;
            }
        }

        return null;
    }
}
