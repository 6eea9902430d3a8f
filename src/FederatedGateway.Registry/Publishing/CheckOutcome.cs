using FederatedGateway.Core.Composition;
using FederatedGateway.Core.SchemaChanges;
using FederatedGateway.Execution.Usage;

namespace FederatedGateway.Registry.Publishing;

/// <summary>
/// What a proposed subgraph schema would do to a variant: whether it composes (with the composer's errors), and the
/// changes of the client-facing API schema against the current version, classified; when usage data is consulted,
/// each breaking change with the clients that used its coordinate within <see cref="UsageWindow"/>; and the variant's
/// trusted documents that would no longer run.
/// </summary>
public sealed record CheckOutcome(
    bool Composes,
    IReadOnlyList<CompositionError> Errors,
    IReadOnlyList<CheckedChange> Changes,
    int? AgainstVersion,
    bool UsageConsulted,
    TimeSpan UsageWindow,
    IReadOnlyList<DocumentProblem> BrokenDocuments,
    int DocumentsChecked)
{
    /// <summary>Passes when it composes, no breaking change is blocking and every trusted document still runs.</summary>
    public bool Passed => Composes && !Changes.Any(c => c.Blocking) && BrokenDocuments.Count == 0;
}

/// <summary>One change, with the clients that used its coordinate (null when usage was not consulted for it).</summary>
public sealed record CheckedChange(SchemaChange Change, IReadOnlyList<ClientUsage>? Clients)
{
    /// <summary>
    /// A breaking change fails the check, unless usage data says no client used its coordinate in the window (then it
    /// is reported and does not fail).
    /// </summary>
    public bool Blocking => Change.Criticality == ChangeCriticality.Breaking && (Clients is null || Clients.Count > 0);
}
