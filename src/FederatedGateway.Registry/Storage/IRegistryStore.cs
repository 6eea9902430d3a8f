namespace FederatedGateway.Registry.Storage;

/// <summary>Where the registry keeps variants, their versions and its audit log.</summary>
public interface IRegistryStore
{
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>The current version of a variant; null when nothing was published to it.</summary>
    Task<SupergraphVersion?> CurrentAsync(GraphRef graph, CancellationToken cancellationToken);

    Task<SupergraphVersion?> VersionAsync(GraphRef graph, int version, CancellationToken cancellationToken);

    /// <summary>The variant's versions, newest first.</summary>
    Task<IReadOnlyList<SupergraphVersion>> HistoryAsync(GraphRef graph, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Stores <paramref name="next"/> as the variant's current version if the current one is still
    /// <paramref name="expectedCurrent"/> (0: none), in one transaction with its audit entry. False when another
    /// writer got there first: nothing was written.
    /// </summary>
    Task<bool> TryCommitAsync(int expectedCurrent, SupergraphVersion next, CancellationToken cancellationToken);

    /// <summary>The audit log of a variant (publishes, deletes, rollbacks, refused writes), newest first.</summary>
    Task<IReadOnlyList<AuditEntry>> AuditAsync(GraphRef graph, int limit, CancellationToken cancellationToken);

    Task AppendAuditAsync(AuditEntry entry, CancellationToken cancellationToken);
}

/// <summary>Something someone did to a variant.</summary>
public sealed record AuditEntry(GraphRef Graph, DateTimeOffset At, string Actor, string Action, string Detail);
