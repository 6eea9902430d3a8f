using FederatedGateway.Core.Composition;
using FederatedGateway.Core.SchemaChanges;

namespace FederatedGateway.Registry.Publishing;

/// <summary>
/// What a proposed subgraph schema would do to a variant: whether it composes (with the composer's errors), and the
/// changes of the client-facing API schema against the current version, classified.
/// </summary>
public sealed record CheckOutcome(bool Composes, IReadOnlyList<CompositionError> Errors, IReadOnlyList<SchemaChange> Changes, int? AgainstVersion)
{
    /// <summary>Passes when it composes and no change is breaking.</summary>
    public bool Passed => Composes && !Changes.Any(c => c.Criticality == ChangeCriticality.Breaking);
}
