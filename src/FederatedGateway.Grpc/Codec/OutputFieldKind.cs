namespace FederatedGateway.Grpc.Codec;

internal enum OutputFieldKind
{
    /// <summary><c>__typename</c>.</summary>
    Typename,

    /// <summary>A protobuf field.</summary>
    Field,

    /// <summary>A oneof as a union.</summary>
    Oneof,

    /// <summary>The placeholder field of an empty message (<c>_empty</c>): always true.</summary>
    EmptyMarker,

    /// <summary>A relation field: the key of an entity another subgraph owns, written as <c>{ key }</c>, or an entity of this source looked up.</summary>
    Relation,
}
