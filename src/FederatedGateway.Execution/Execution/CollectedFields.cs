using FederatedGateway.Core.Operations;
using FederatedGateway.Core.Planning;
using FederatedGateway.Core.Schema;

namespace FederatedGateway.Execution.Execution;

/// <summary>
/// The fields a response writes for one selection on one runtime type, with their definitions resolved.
/// <see cref="Next"/> chains the entries of other runtime types of the same selection.
/// </summary>
internal sealed record CollectedFields(string RuntimeType, SchemaType Type, CollectedField[] Fields, CollectedFields? Next);

/// <summary>
/// One response name: the field nodes merged under it, what its first node asks for and, for a schema field, the
/// definition on the runtime type. <see cref="DataKey"/> is where the merged data keeps its value: the response
/// name itself unless that name belongs to the gateway (<see cref="InternalAlias.DataKey"/>).
/// </summary>
internal readonly record struct CollectedField(string Name, string DataKey, List<FieldSelection> Nodes, CollectedFieldKind Kind, SchemaField? Definition)
{
    public static CollectedField For(FieldSelection first, SchemaType type)
    {
        var kind = first.IsTypename ? CollectedFieldKind.Typename
            : first.Name is "__schema" or "__type" ? CollectedFieldKind.Introspection
            : CollectedFieldKind.Field;
        var name = JsonNames.Share(first.ResponseName);
        var dataKey = InternalAlias.NeedsEscape(name, first.Name) ? JsonNames.Share(InternalAlias.DataKey(name, first.Name)) : name;
        return new CollectedField(name, dataKey, [first], kind, kind == CollectedFieldKind.Field ? type.FindField(first.Name) : null);
    }
}

internal enum CollectedFieldKind
{
    Field,
    Typename,
    Introspection,
}
