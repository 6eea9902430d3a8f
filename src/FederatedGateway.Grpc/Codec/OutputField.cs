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

    /// <summary>For a relation field: the relation, and what is selected on the entity (its key, <c>__typename</c>).</summary>
    public ProtoRelation? Relation { get; init; }

    /// <summary>For a relation field: the response keys selected on the entity, each the key (false) or <c>__typename</c> (true).</summary>
    public IReadOnlyList<(JsonEncodedText Key, bool Typename)>? RelationFields { get; init; }

    /// <summary>
    /// For a relation to an entity of this same source: the entity, looked up by its key after the call that gave
    /// the key (<see cref="Client.RelationResolver"/>), and the selection to write it with. Null: another subgraph owns
    /// the entity, and only <see cref="RelationFields"/> are written.
    /// </summary>
    public EntityBinding? RelationEntity { get; init; }

    /// <inheritdoc cref="RelationEntity"/>
    public OutputSelection? RelationSelection { get; init; }

    /// <summary>Variable-dependent <c>@skip</c>/<c>@include</c> conditions, all of which must hold.</summary>
    public IReadOnlyList<InclusionCondition>? Conditions { get; init; }
}
