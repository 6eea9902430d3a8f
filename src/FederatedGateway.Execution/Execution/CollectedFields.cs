using FederatedGateway.Core.Operations;
using FederatedGateway.Core.Schema;

namespace FederatedGateway.Execution.Execution;

/// <summary>
/// The fields a response writes for one selection on one runtime type, with their definitions resolved.
/// <see cref="Next"/> chains the entries of other runtime types of the same selection.
/// </summary>
internal sealed record CollectedFields(string RuntimeType, SchemaType Type, CollectedField[] Fields, CollectedFields? Next);

/// <summary>One response name: the field nodes merged under it and, for a schema field, its definition.</summary>
internal readonly record struct CollectedField(string Name, List<FieldSelection> Nodes)
{
    public CollectedFieldKind Kind { get; init; }

    public SchemaField? Definition { get; init; }
}

internal enum CollectedFieldKind
{
    Field,
    Typename,
    Introspection,
}
