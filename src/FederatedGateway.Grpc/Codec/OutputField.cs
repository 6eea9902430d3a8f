using System.Text.Json;
using FederatedGateway.Grpc.Translation;

namespace FederatedGateway.Grpc.Codec;

/// <summary>One response key of a compiled selection.</summary>
internal sealed class OutputField
{
    public OutputField(JsonEncodedText key, OutputFieldKind kind)
    {
        Key = key;
        Kind = kind;
    }

    public JsonEncodedText Key { get; }

    public OutputFieldKind Kind { get; }

    public ProtoField? Field { get; init; }

    public ProtoOneof? Oneof { get; init; }

    /// <summary>The sub-selection of a message (or map entry) field.</summary>
    public OutputSelection? Child { get; init; }

    /// <summary>The sub-selection per union member of a oneof field.</summary>
    public IReadOnlyDictionary<ProtoMessage, OutputSelection>? Members { get; init; }

    /// <summary>Variable-dependent <c>@skip</c>/<c>@include</c> conditions, all of which must hold.</summary>
    public IReadOnlyList<InclusionCondition>? Conditions { get; init; }
}
