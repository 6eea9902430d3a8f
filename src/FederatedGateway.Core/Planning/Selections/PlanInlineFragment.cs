using System.Collections.Immutable;
using FederatedGateway.Core.Operations;

namespace FederatedGateway.Core.Planning.Selections;

/// <summary>An inline fragment a fetch selects: <c>... on TypeCondition @skip/@include { selectionSet }</c>.</summary>
public sealed class PlanInlineFragment : PlanSelection
{
    public PlanInlineFragment(string? typeCondition, ImmutableArray<InclusionCondition> conditions, PlanSelectionSet selectionSet)
        : base(conditions)
    {
        TypeCondition = typeCondition;
        SelectionSet = selectionSet;
    }

    /// <summary>Null for a fragment that only carries conditions (<c>... @include(if: $v) { }</c>).</summary>
    public string? TypeCondition { get; }

    public PlanSelectionSet SelectionSet { get; }
}
