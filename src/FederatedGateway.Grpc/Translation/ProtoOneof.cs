using System.Text.Json;

namespace FederatedGateway.Grpc.Translation;

/// <summary>
/// A oneof: a field of union type on output (<see cref="UnionName"/>, one member per case) and a <c>@oneOf</c>
/// input (<see cref="InputName"/>) on input.
/// </summary>
public sealed class ProtoOneof
{
    internal ProtoOneof(string protoName, string graphQLName, string unionName, IReadOnlyList<ProtoField> cases)
    {
        ProtoName = protoName;
        GraphQLName = graphQLName;
        EncodedName = JsonEncodedText.Encode(graphQLName);
        UnionName = unionName;
        InputName = unionName + "Input";
        Cases = cases;
    }

    public string ProtoName { get; }

    public string GraphQLName { get; }

    public JsonEncodedText EncodedName { get; }

    public string UnionName { get; }

    public string InputName { get; }

    public IReadOnlyList<ProtoField> Cases { get; }

    /// <summary>
    /// The union member of each case (same order as <see cref="Cases"/>): the case's own message type when it is
    /// a plain message used by no other case, else a wrapper object holding just that case field.
    /// </summary>
    public IReadOnlyList<ProtoMessage> Members { get; internal set; } = [];

    /// <summary>Whether member <c>i</c> is a wrapper (reads the parent's bytes) rather than the case's message.</summary>
    public IReadOnlyList<bool> MemberIsWrapper { get; internal set; } = [];
}
