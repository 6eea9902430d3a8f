using FederatedGateway.Core.Planning.Selections;

namespace FederatedGateway.Core.Planning.Internal;

/// <summary>Selections built while planning, each frozen once into its immutable plan form (planning is over when the plan is built).</summary>
internal sealed class FrozenSelections
{
    private readonly Dictionary<FetchSelectionSet, PlanSelectionSet> _frozen = new(ReferenceEqualityComparer.Instance);

    public PlanSelectionSet Of(FetchSelectionSet selection)
    {
        if (!_frozen.TryGetValue(selection, out var frozen))
        {
            frozen = selection.ToPlanSelectionSet();
            _frozen[selection] = frozen;
        }

        return frozen;
    }
}
