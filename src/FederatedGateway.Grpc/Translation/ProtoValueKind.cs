namespace FederatedGateway.Grpc.Translation;

/// <summary>What a field holds: a protobuf scalar, an enum, a message, or one of the well-known types mapped to a scalar.</summary>
public enum ProtoValueKind
{
    Double,
    Float,
    Int32,
    Int64,
    UInt32,
    UInt64,
    SInt32,
    SInt64,
    Fixed32,
    Fixed64,
    SFixed32,
    SFixed64,
    Bool,
    String,
    Bytes,
    Enum,
    Message,

    /// <summary>google.protobuf.Timestamp → <c>DateTime</c> (RFC 3339).</summary>
    Timestamp,

    /// <summary>google.protobuf.Duration → <c>Duration</c> (<c>"1.5s"</c>).</summary>
    Duration,

    /// <summary>google.protobuf.*Value wrappers → the nullable inner scalar; <see cref="ProtoField.WrappedKind"/> says which.</summary>
    Wrapper,

    /// <summary>google.protobuf.Struct → <c>JSON</c> (an object).</summary>
    Struct,

    /// <summary>google.protobuf.Value → <c>JSON</c> (any value).</summary>
    Value,

    /// <summary>google.protobuf.ListValue → <c>JSON</c> (an array).</summary>
    ListValue,

    /// <summary>google.protobuf.Any → <c>JSON</c> with <c>@type</c>.</summary>
    Any,

    /// <summary>google.protobuf.Empty → <c>Boolean</c>.</summary>
    Empty,

    /// <summary>google.protobuf.FieldMask → <c>[String!]</c> (the paths).</summary>
    FieldMask,
}
