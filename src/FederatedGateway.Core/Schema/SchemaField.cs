namespace FederatedGateway.Core.Schema;

/// <summary>A field of an object or interface type, with what each subgraph says of it.</summary>
public sealed class SchemaField
{
    public SchemaField(string parentType, string name, TypeRef type)
    {
        ParentType = parentType;
        Name = name;
        Type = type;
    }

    public string ParentType { get; }

    public string Name { get; }

    public TypeRef Type { get; }

    public string? Description { get; init; }

    public bool Inaccessible { get; init; }

    public bool IsDeprecated { get; init; }

    public string? DeprecationReason { get; init; }

    public List<SchemaArgument> Arguments { get; } = new();

    /// <summary>
    /// Per subgraph: how the field exists there. Empty when the supergraph put no <c>@join__field</c> on it,
    /// in which case every subgraph that has the parent type resolves it (see <see cref="AppearsInAllTypeGraphs"/>).
    /// </summary>
    public Dictionary<string, FieldInSubgraph> Graphs { get; } = new(StringComparer.Ordinal);

    /// <summary>True when no <c>@join__field</c> was given: the field belongs to every subgraph of its type.</summary>
    public bool AppearsInAllTypeGraphs { get; set; }

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
