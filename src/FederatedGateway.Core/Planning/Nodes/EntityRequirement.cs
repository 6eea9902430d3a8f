using FederatedGateway.Core.Operations;

namespace FederatedGateway.Core.Planning.Nodes;

/// <summary>
/// How to build the representation of an object for an entity fetch: objects whose <c>__typename</c>
/// satisfies <see cref="TypeCondition"/> are sent as <c>{ "__typename": RepresentationTypename ?? actual, …Fields }</c>.
/// </summary>
public sealed class EntityRequirement
{
    public EntityRequirement(string typeCondition, string? representationTypename, SelectionSet fields)
    {
        TypeCondition = typeCondition;
        RepresentationTypename = representationTypename;
        Fields = fields;
    }

    public string TypeCondition { get; }

    /// <summary>Set when the target subgraph knows the entity by another name (an <c>@interfaceObject</c>).</summary>
    public string? RepresentationTypename { get; }

    /// <summary>Key fields and <c>@requires</c> fields, read from the merged data.</summary>
    public SelectionSet Fields { get; }
}
