using System.Text.Json;
using Google.Protobuf.Reflection;

namespace FederatedGateway.Grpc.Translation;

/// <summary>One protobuf field with its GraphQL name and everything the codec needs, resolved once per schema.</summary>
public sealed class ProtoField
{
    internal ProtoField(FieldDescriptor descriptor, string graphQLName, ProtoValueKind kind, ProtoValueKind wrappedKind)
    {
        Descriptor = descriptor;
        Number = descriptor.FieldNumber;
        GraphQLName = graphQLName;
        EncodedName = JsonEncodedText.Encode(graphQLName);
        Kind = kind;
        WrappedKind = wrappedKind;
        IsRepeated = descriptor.IsRepeated;
        IsMap = descriptor.IsMap;
        HasPresence = descriptor.HasPresence && kind is not ProtoValueKind.Message;
    }

    public FieldDescriptor Descriptor { get; }

    public int Number { get; }

    public string ProtoName => Descriptor.Name;

    public string GraphQLName { get; }

    public JsonEncodedText EncodedName { get; }

    public ProtoValueKind Kind { get; }

    /// <summary>For <see cref="ProtoValueKind.Wrapper"/>: the scalar kind of the wrapped <c>value</c> field.</summary>
    public ProtoValueKind WrappedKind { get; }

    public bool IsRepeated { get; }

    /// <summary>A <c>map&lt;k,v&gt;</c>: repeated <see cref="Message"/> entries with key (1) and value (2).</summary>
    public bool IsMap { get; }

    /// <summary>A scalar with explicit presence (proto3 <c>optional</c>, or inside a oneof): nullable in GraphQL.</summary>
    public bool HasPresence { get; }

    /// <summary>The message type of a <see cref="ProtoValueKind.Message"/> field (a map entry for maps).</summary>
    public ProtoMessage? Message { get; internal set; }

    public ProtoEnum? Enum { get; internal set; }

    /// <summary>The real (non-synthetic) oneof the field belongs to.</summary>
    public ProtoOneof? Oneof { get; internal set; }

    /// <summary>A GraphQL scalar chosen by <c>(fgw.field).graphql_type</c>.</summary>
    public string? GraphQLTypeOverride { get; internal set; }

    public bool External { get; internal set; }

    public bool Shareable { get; internal set; }

    public string? Requires { get; internal set; }

    /// <summary>
    /// An argument or input field that must be given (<c>google.api.field_behavior = REQUIRED</c>, or a lookup's key in
    /// the idiomatic style): its input type is non-null.
    /// </summary>
    public bool IsRequired { get; internal set; }

    /// <summary>A singular scalar whose default value reads as null (<c>(fgw.field).empty_as_null</c>).</summary>
    public bool EmptyAsNull { get; internal set; }

    /// <summary>True for scalar kinds whose repeated form may be packed (varint, fixed32, fixed64).</summary>
    public bool IsPackable => Kind is not (ProtoValueKind.String or ProtoValueKind.Bytes or ProtoValueKind.Message)
        && Kind < ProtoValueKind.Message;
}
