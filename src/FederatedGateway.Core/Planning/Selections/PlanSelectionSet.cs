using System.Collections.Immutable;

namespace FederatedGateway.Core.Planning.Selections;

/// <summary>The selections of a fetch on <see cref="ParentType"/>, in the order they are sent.</summary>
public sealed class PlanSelectionSet
{
    public PlanSelectionSet(string parentType, ImmutableArray<PlanSelection> selections)
    {
        ParentType = parentType;
        Selections = selections.IsDefault ? ImmutableArray<PlanSelection>.Empty : selections;
    }

    /// <summary>The type selected on (<c>_Entity</c> for what an entity fetch selects under <c>_entities</c>).</summary>
    public string ParentType { get; }

    /// <summary>Empty only where every field came from elsewhere: the printers then select <c>__typename</c>.</summary>
    public ImmutableArray<PlanSelection> Selections { get; }
}
