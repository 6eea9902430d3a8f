namespace FederatedGateway.Core.Operations;

/// <summary>An inline fragment (or an inlined named fragment spread).</summary>
public sealed class InlineFragmentSelection : Selection
{
    public InlineFragmentSelection(string? typeCondition, SelectionSet selectionSet, IReadOnlyList<InclusionCondition> conditions)
        : base(conditions)
    {
        TypeCondition = typeCondition;
        SelectionSet = selectionSet;
    }

    /// <summary>Null for a fragment without type condition.</summary>
    public string? TypeCondition { get; }

    public SelectionSet SelectionSet { get; }
}
