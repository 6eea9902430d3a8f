using FederatedGateway.Core.Operations;
using FederatedGateway.Core.Planning.Selections;

namespace FederatedGateway.Core.Planning.Nodes;

/// <summary>
/// How to build the representation of an object for an entity fetch: objects whose <c>__typename</c>
/// satisfies <see cref="TypeCondition"/> are sent as <c>{ "__typename": RepresentationTypename ?? actual, …Fields }</c>.
/// </summary>
public sealed class EntityRequirement
{
    public EntityRequirement(string typeCondition, string? representationTypename, SelectionSet fields, PlanInlineFragment selection)
    {
        TypeCondition = typeCondition;
        RepresentationTypename = representationTypename;
        Fields = fields;
        Selection = selection;
    }

    public string TypeCondition { get; }

    /// <summary>Set when the target subgraph knows the entity by another name (an <c>@interfaceObject</c>).</summary>
    public string? RepresentationTypename { get; }

    /// <summary>Key fields and <c>@requires</c> fields, read from the merged data.</summary>
    public SelectionSet Fields { get; }

    /// <summary>The representation as the plan shows it: <c>... on TypeCondition { __typename …Fields }</c>.</summary>
    public PlanInlineFragment Selection { get; }
}
