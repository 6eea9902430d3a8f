using FederatedGateway.Core.Schema;

namespace FederatedGateway.Core.Planning.Internal;

/// <summary>
/// A way into <paramref name="Subgraph"/> as <paramref name="EntityType"/> through <paramref name="Key"/>; <paramref name="Field"/>
/// is the field the jump is made for (its <c>@requires</c> comes along), null for a jump that only resolves the concrete type.
/// </summary>
internal sealed record EntityOption(string Subgraph, string EntityType, string? RepresentationTypename, EntityKey Key, SchemaField? Field)
{
    public int KeyIndex { get; init; }
}
