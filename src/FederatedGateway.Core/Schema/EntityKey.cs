using FederatedGateway.Core.Operations;

namespace FederatedGateway.Core.Schema;

/// <summary>A <c>@key</c> of a type in one subgraph.</summary>
public sealed class EntityKey
{
    private SelectionSet? _selection;

    internal EntityKey(string fields, bool resolvable)
    {
        Fields = fields;
        Resolvable = resolvable;
    }

    /// <summary>The field set as written, e.g. <c>id organization { id }</c>.</summary>
    public string Fields { get; }

    /// <summary>
    /// <see cref="Fields"/> bound to the schema. Its fields point back into the schema, so the reader parses it once every
    /// type exists (<see cref="Supergraph.SupergraphReader"/>), before the schema is handed out.
    /// </summary>
    public SelectionSet Selection => _selection ?? throw new InvalidOperationException($"The key \"{Fields}\" was not resolved.");

    /// <summary>False for <c>resolvable: false</c>: the subgraph references the entity but cannot resolve it.</summary>
    public bool Resolvable { get; }

    internal void Resolve(SelectionSet selection) => FieldSetSlot.SetOnce(ref _selection, selection, Fields);
}
