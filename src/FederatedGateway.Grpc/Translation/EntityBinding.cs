namespace FederatedGateway.Grpc.Translation;

/// <summary>
/// A message marked <c>(fgw.entity)</c>: its key and the lookup RPC answering <c>_entities</c> for it. A batched
/// lookup takes every representation of one fetch in a single call.
/// </summary>
public sealed class EntityBinding
{
    internal EntityBinding(ProtoMessage entity, string key)
    {
        Entity = entity;
        Key = key;
    }

    public ProtoMessage Entity { get; }

    /// <summary>The <c>@key(fields:)</c> field set.</summary>
    public string Key { get; }

    /// <summary>The lookup RPC; null makes the key <c>resolvable: false</c>.</summary>
    public RpcBinding? Lookup { get; internal set; }

    /// <summary>For a batched lookup: the request's repeated field that takes one element per representation.</summary>
    public ProtoField? BatchRequestField { get; internal set; }

    /// <summary>For a batched lookup: the response's repeated field (or map) of entities.</summary>
    public ProtoField? BatchResponseField { get; internal set; }

    /// <summary>For a batched lookup: how the entities answered are paired with the keys asked for.</summary>
    public LookupCorrespondence Correspondence { get; internal set; }

    /// <summary>The entity's fields named at the top level of <see cref="Key"/>.</summary>
    public IReadOnlyList<ProtoField> KeyFields { get; internal set; } = [];

    /// <summary>For a single lookup whose response wraps the entity: that field (null when the response is the entity).</summary>
    public ProtoField? SingleResponseField { get; internal set; }

    public bool IsBatched => BatchRequestField is not null;
}
