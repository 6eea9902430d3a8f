using System.Collections.Immutable;
using FederatedGateway.Core.Operations;

namespace FederatedGateway.Core.Planning.Selections;

/// <summary>
/// One selection of a fetch as the plan holds it: a <see cref="PlanField"/> or a <see cref="PlanInlineFragment"/>.
/// The set is closed and immutable.
/// </summary>
public abstract class PlanSelection
{
    private protected PlanSelection(ImmutableArray<InclusionCondition> conditions)
    {
        Conditions = conditions.IsDefault ? ImmutableArray<InclusionCondition>.Empty : conditions;
    }

    /// <summary>
    /// The <c>@skip(if: $v)</c>/<c>@include(if: $v)</c> directives the selection carries (the only directives a fetch
    /// forwards), in order; all must pass.
    /// </summary>
    public ImmutableArray<InclusionCondition> Conditions { get; }
}
