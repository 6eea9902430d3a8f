using FederatedGateway.Grpc.Translation;

namespace FederatedGateway.Grpc.Codec;

/// <summary>A GraphQL selection set resolved against one concrete object type (fragments applied, fields merged).</summary>
internal sealed class OutputSelection
{
    public OutputSelection(ProtoMessage type, IReadOnlyList<OutputField> fields)
    {
        Type = type;
        Fields = fields;
        foreach (var field in fields)
        {
            HasResolvedRelations |= field.RelationSelection is not null
                || field.Child is { HasResolvedRelations: true }
                || (field.Members?.Values.Any(member => member.HasResolvedRelations) ?? false);
        }
    }

    public ProtoMessage Type { get; }

    public IReadOnlyList<OutputField> Fields { get; }

    /// <summary>Whether this selection, or one below it, asks for an entity of this same source through a relation.</summary>
    public bool HasResolvedRelations { get; }
}
