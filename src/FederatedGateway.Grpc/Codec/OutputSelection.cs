using FederatedGateway.Grpc.Translation;

namespace FederatedGateway.Grpc.Codec;

/// <summary>A GraphQL selection set resolved against one concrete object type (fragments applied, fields merged).</summary>
internal sealed class OutputSelection
{
    public OutputSelection(ProtoMessage type, IReadOnlyList<OutputField> fields)
    {
        Type = type;
        Fields = fields;
    }

    public ProtoMessage Type { get; }

    public IReadOnlyList<OutputField> Fields { get; }
}
