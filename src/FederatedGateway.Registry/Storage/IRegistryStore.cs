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

    /// <summary>Every variant with its current version number.</summary>
    Task<IReadOnlyList<(GraphRef Graph, int Version)>> VariantsAsync(CancellationToken cancellationToken);

    /// <summary>The variant's kept checks, newest first (without their result documents).</summary>
    Task<IReadOnlyList<StoredCheck>> ChecksAsync(GraphRef graph, int limit, CancellationToken cancellationToken);

    /// <summary>Keeps a check's result (its JSON document) under <see cref="StoredCheck.Id"/>, so CI can link to it.</summary>
    Task SaveCheckAsync(StoredCheck check, CancellationToken cancellationToken);

    /// <summary>A kept check of the variant; null when there is none with that id.</summary>
    Task<StoredCheck?> FindCheckAsync(GraphRef graph, string id, CancellationToken cancellationToken);

    /// <summary>
    /// Registers trusted documents for the variant, in one transaction with <paramref name="audit"/>; ids already
    /// registered keep their first body. The number newly added.
    /// </summary>
    Task<int> AddDocumentsAsync(GraphRef graph, IReadOnlyList<TrustedDocument> documents, AuditEntry audit, CancellationToken cancellationToken);

    /// <summary>The variant's trusted documents, by id.</summary>
    Task<IReadOnlyList<TrustedDocument>> DocumentsAsync(GraphRef graph, CancellationToken cancellationToken);

    /// <summary>Keeps a new token, in one transaction with <paramref name="audit"/>.</summary>
    Task SaveTokenAsync(StoredToken token, AuditEntry audit, CancellationToken cancellationToken);

    /// <summary>The token whose secret hashes to <paramref name="sha256"/> (lowercase hex), revoked or not; null when none.</summary>
    Task<StoredToken?> FindTokenAsync(string sha256, CancellationToken cancellationToken);

    /// <summary>Every token made through the API, newest first.</summary>
    Task<IReadOnlyList<StoredToken>> TokensAsync(CancellationToken cancellationToken);

    /// <summary>Revokes a token, in one transaction with <paramref name="audit"/>; false when there is no such token or it was revoked already.</summary>
    Task<bool> RevokeTokenAsync(string id, DateTimeOffset at, AuditEntry audit, CancellationToken cancellationToken);
}

/// <summary>A check as kept: which subgraph, who ran it, for which commit, whether it passed, and its result document.</summary>
public sealed record StoredCheck(string Id, GraphRef Graph, string Subgraph, DateTimeOffset At, string Author, string? Commit, bool Passed, string ResultJson);

/// <summary>
/// Something someone did to a variant, or to the registry's tokens (then under <see cref="GraphRef.Tokens"/>).
/// </summary>
public sealed record AuditEntry(GraphRef Graph, DateTimeOffset At, string Actor, string Action, string Detail);
