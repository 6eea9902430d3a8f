using FederatedGateway.Grpc.Translation;

namespace FederatedGateway.Grpc.Client;

/// <summary>
/// The entities a fetch's same-source relations looked up, by entity and key, for the writer to put in place; and,
/// while it writes, where it is (relative to the value being written) and the errors of entities not had.
/// </summary>
internal sealed class RelationAnswers
{
    private readonly Dictionary<(EntityBinding Entity, string Key), EntityItem> _items = [];

    /// <summary>The response keys and list indexes from the value being written down to the current one.</summary>
    public List<object> Path { get; } = [];

    /// <summary>Errors of related entities the lookups did not give, at their paths below the value written.</summary>
    public List<(GrpcCallError Error, object[] Path)> Errors { get; } = [];

    public bool Contains(EntityBinding entity, string key) => _items.ContainsKey((entity, key));

    public void Add(EntityBinding entity, string key, EntityItem item) => _items[(entity, key)] = item;

    public bool TryGet(EntityBinding entity, string key, out EntityItem item) => _items.TryGetValue((entity, key), out item);

    /// <summary>Records <paramref name="error"/> at the current path (and list index).</summary>
    public void Fail(GrpcCallError error, int? index)
    {
        object[] path = index is { } i ? [.. Path, i] : [.. Path];
        Errors.Add((error, path));
    }
}
