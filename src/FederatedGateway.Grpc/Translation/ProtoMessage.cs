using Google.Protobuf.Reflection;

namespace FederatedGateway.Grpc.Translation;

/// <summary>
/// A protobuf message as the graph sees it: an object type (<see cref="GraphQLName"/>) and an input type
/// (<see cref="InputName"/>), with fields by number and by GraphQL name. A oneof's wrapper member (an object
/// over the parent's bytes with the one case field) is a <see cref="ProtoMessage"/> too, without a descriptor.
/// </summary>
public sealed class ProtoMessage
{
    private readonly Dictionary<string, ProtoField> _byGraphQLName = new(StringComparer.Ordinal);

    internal ProtoMessage(MessageDescriptor? descriptor, string fullName, string graphQLName)
    {
        Descriptor = descriptor;
        FullName = fullName;
        GraphQLName = graphQLName;
        InputName = graphQLName + "Input";
    }

    /// <summary>Null for a oneof wrapper member.</summary>
    public MessageDescriptor? Descriptor { get; }

    public string FullName { get; }

    public string GraphQLName { get; internal set; }

    public string InputName { get; internal set; }

    /// <summary>All fields in declaration order (oneof cases included).</summary>
    public IReadOnlyList<ProtoField> Fields { get; private set; } = [];

    /// <summary>The real oneofs (not proto3 <c>optional</c>'s synthetic ones).</summary>
    public IReadOnlyList<ProtoOneof> Oneofs { get; private set; } = [];

    public bool IsMapEntry => Descriptor?.GetOptions()?.MapEntry == true;

    /// <summary>A oneof's wrapper member: an object over the parent message's bytes with just the case field.</summary>
    public bool IsOneofWrapper => Descriptor is null;

    public bool Shareable { get; internal set; }

    public EntityBinding? Entity { get; internal set; }

    /// <summary>The relation fields the object type gets besides its own.</summary>
    public IReadOnlyList<ProtoRelation> Relations { get; internal set; } = [];

    public ProtoRelation? FindRelation(string graphQLName) => Relations.FirstOrDefault(r => r.FieldName == graphQLName);

    internal void SetFields(IReadOnlyList<ProtoField> fields, IReadOnlyList<ProtoOneof> oneofs)
    {
        Fields = fields;
        Oneofs = oneofs;
        foreach (var field in fields)
        {
            _byGraphQLName[field.GraphQLName] = field;
        }
    }

    /// <summary>The field with this GraphQL name (a oneof case counts too).</summary>
    public ProtoField? FindField(string graphQLName) => _byGraphQLName.GetValueOrDefault(graphQLName);

    /// <summary>The oneof whose GraphQL field (output union / input @oneOf) has this name.</summary>
    public ProtoOneof? FindOneof(string graphQLName)
    {
        foreach (var oneof in Oneofs)
        {
            if (oneof.GraphQLName == graphQLName)
            {
                return oneof;
            }
        }

        return null;
    }

    public override string ToString() => FullName;
}
