using FederatedGateway.Core.Operations;

namespace FederatedGateway.Core.Planning.Internal;

/// <summary>One item of a <see cref="FetchSelectionSet"/>: a <see cref="FetchField"/> or a <see cref="FetchFragment"/>.</summary>
internal abstract class FetchSelectionItem
{
    /// <summary>The item's <c>@skip</c>/<c>@include</c> conditions.</summary>
    public abstract IReadOnlyList<InclusionCondition> Conditions { get; }
}
