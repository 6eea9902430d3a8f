using FederatedGateway.Core.Operations;

namespace FederatedGateway.Core.Planning.Internal;

/// <summary>An inline fragment of a fetch's selection, with its own selection.</summary>
internal sealed class FetchFragment : FetchSelectionItem
{
    public FetchFragment(string? typeCondition, IReadOnlyList<InclusionCondition> conditions, FetchSelectionSet selectionSet)
    {
        TypeCondition = typeCondition;
        Conditions = conditions;
        SelectionSet = selectionSet;
    }

    public string? TypeCondition { get; }

    public override IReadOnlyList<InclusionCondition> Conditions { get; }

    public FetchSelectionSet SelectionSet { get; }
}
