using FederatedGateway.Core.Operations;

namespace FederatedGateway.Core.Schema;

/// <summary>A <c>@key</c> of a type in one subgraph.</summary>
public sealed class EntityKey
{
    public EntityKey(string fields, SelectionSet selection, bool resolvable)
    {
        Fields = fields;
        Selection = selection;
        Resolvable = resolvable;
    }

    /// <summary>The field set as written, e.g. <c>id organization { id }</c>.</summary>
    public string Fields { get; }

    public SelectionSet Selection { get; }

    /// <summary>False for <c>resolvable: false</c>: the subgraph references the entity but cannot resolve it.</summary>
    public bool Resolvable { get; }
}
