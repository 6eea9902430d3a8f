using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using FederatedGateway.Core.Composition;
using FederatedGateway.Core.SchemaChanges;
using FederatedGateway.Core.Schema;
using FederatedGateway.Core.Supergraph;
using FederatedGateway.Execution.Usage;
using FederatedGateway.Registry.Storage;

namespace FederatedGateway.Registry.Publishing;

/// <summary>
/// The registry's operations on variants. Every write composes the variant's subgraphs as they would be and, when
/// that succeeds and changes the supergraph, stores a new numbered version; writes to one variant are serialized
/// (in this process by a lock, across registry instances by the store's optimistic commit), so none is lost and none
/// is half applied, and history stays linear.
/// </summary>
public sealed class SchemaRegistry
{
    private const int CommitAttempts = 5;
    private static readonly TimeSpan OtherInstancesPoll = TimeSpan.FromSeconds(1);

    private readonly IRegistryStore _store;
    private readonly IUsageStore? _usage;
    private readonly TimeSpan _usageWindow;
    private volatile bool _usageReady;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<GraphRef, SemaphoreSlim> _locks = new();
    private readonly ConcurrentDictionary<GraphRef, TaskCompletionSource> _changed = new();

    /// <param name="usage">The gateways' usage data; checks then let breaking changes no client used within <paramref name="usageWindow"/> pass.</param>
    public SchemaRegistry(IRegistryStore store, IUsageStore? usage = null, TimeSpan? usageWindow = null, TimeProvider? time = null)
    {
        _store = store;
        _usage = usage;
        _usageWindow = usageWindow ?? TimeSpan.FromDays(30);
        _time = time ?? TimeProvider.System;
    }

    public IRegistryStore Store => _store;

    public Task<SupergraphVersion?> CurrentAsync(GraphRef graph, CancellationToken cancellationToken) => _store.CurrentAsync(graph, cancellationToken);

    public Task<WriteOutcome> PublishAsync(GraphRef graph, string subgraph, string url, string sdl, Provenance who, CancellationToken cancellationToken) =>
        WriteAsync(graph, who, "publish " + subgraph, cancellationToken, current =>
        {
            var subgraphs = (current?.Subgraphs ?? []).Where(s => s.Name != subgraph).ToList();
            subgraphs.Add(new SubgraphRecord(subgraph, url, sdl, _time.GetUtcNow(), who.Author));
            return subgraphs;
        });

    public Task<WriteOutcome> DeleteAsync(GraphRef graph, string subgraph, Provenance who, CancellationToken cancellationToken) =>
        WriteAsync(graph, who, "delete " + subgraph, cancellationToken, current =>
            current is null || current.Subgraphs.All(s => s.Name != subgraph) ? null : current.Subgraphs.Where(s => s.Name != subgraph).ToList());

    /// <summary>Makes the subgraphs of <paramref name="version"/> current again, as a new version (history never rewinds).</summary>
    public async Task<WriteOutcome> RollbackAsync(GraphRef graph, int version, Provenance who, CancellationToken cancellationToken)
    {
        var target = await _store.VersionAsync(graph, version, cancellationToken).ConfigureAwait(false);
        return target is null
            ? WriteOutcome.Failed(WriteStatus.NotFound, $"{graph} has no version {version}.")
            : await WriteAsync(graph, who, $"rollback to {version}", cancellationToken, _ => [.. target.Subgraphs]).ConfigureAwait(false);
    }

    /// <summary>Composes the variant with <paramref name="subgraph"/> as proposed (or without it, when <paramref name="sdl"/> is null) and compares its API schema with the current one.</summary>
    public async Task<CheckOutcome> CheckAsync(GraphRef graph, string subgraph, string? url, string? sdl, CancellationToken cancellationToken)
    {
        var current = await _store.CurrentAsync(graph, cancellationToken).ConfigureAwait(false);
        var subgraphs = (current?.Subgraphs ?? []).Where(s => s.Name != subgraph).ToList();
        if (sdl is not null)
        {
            var existingUrl = current?.Subgraphs.FirstOrDefault(s => s.Name == subgraph)?.Url;
            subgraphs.Add(new SubgraphRecord(subgraph, url ?? existingUrl ?? "http://unknown", sdl, _time.GetUtcNow(), "check"));
        }

        var composed = Compose(graph, subgraphs);
        if (!composed.Succeeded)
        {
            return new CheckOutcome(false, composed.Errors, [], current?.Version, false, _usageWindow, [], 0);
        }

        var changes = SchemaDiff.Compare(current?.ApiSchema ?? "", ApiSchemaOf(composed.SupergraphSdl!));
        if (_usage is not null && !_usageReady)
        {
            // The gateways create the tables when they first flush; a registry checking before that finds them empty.
            await _usage.InitializeAsync(cancellationToken).ConfigureAwait(false);
            _usageReady = true;
        }

        var checkedChanges = new List<CheckedChange>(changes.Count);
        var since = _time.GetUtcNow() - _usageWindow;
        foreach (var change in changes)
        {
            var clients = _usage is not null && change.Criticality == ChangeCriticality.Breaking && IsCountedInUsage(change.Coordinate)
                ? await _usage.ClientsUsingAsync(change.Coordinate, since, cancellationToken).ConfigureAwait(false)
                : null;
            checkedChanges.Add(new CheckedChange(change, clients));
        }

        var documents = await _store.DocumentsAsync(graph, cancellationToken).ConfigureAwait(false);
        var broken = documents.Count == 0
            ? []
            : TrustedDocumentValidator.Validate(composed.SupergraphSdl!, documents.Select(d => (d.Id, d.Name, d.Body)), cancellationToken);
        return new CheckOutcome(true, [], checkedChanges, current?.Version, _usage is not null, _usageWindow, broken, documents.Count);
    }

    /// <summary>
    /// Registers trusted documents for the variant once each runs on its current version: all of them, or none when
    /// one would not run (the problems are returned then).
    /// </summary>
    public async Task<DocumentsOutcome> AddDocumentsAsync(GraphRef graph, IReadOnlyList<(string Id, string? Name, string Body)> documents, Provenance who, CancellationToken cancellationToken)
    {
        var current = await _store.CurrentAsync(graph, cancellationToken).ConfigureAwait(false);
        if (current is null)
        {
            return new DocumentsOutcome(false, 0, [], $"Nothing was published to {graph} yet: documents are checked against its schema.");
        }

        var problems = TrustedDocumentValidator.Validate(current.SupergraphSdl, documents, cancellationToken);
        if (problems.Count > 0)
        {
            await _store.AppendAuditAsync(new AuditEntry(graph, _time.GetUtcNow(), who.Author, "documents refused", $"{problems.Count} of {documents.Count} would not run on version {current.Version}"), cancellationToken).ConfigureAwait(false);
            return new DocumentsOutcome(false, 0, problems, $"{problems.Count} of the {documents.Count} documents would not run on version {current.Version}; none was added.");
        }

        var now = _time.GetUtcNow();
        var added = await _store.AddDocumentsAsync(
            graph,
            [.. documents.Select(d => new TrustedDocument(d.Id, d.Name, d.Body, now, who.Author))],
            new AuditEntry(graph, now, who.Author, "documents", $"{documents.Count} documents{(who.Commit is null ? "" : " at " + who.Commit)}"),
            cancellationToken).ConfigureAwait(false);
        return new DocumentsOutcome(true, added, [], null);
    }

    /// <summary>
    /// Whether usage analytics counts the coordinate: types, fields, arguments, enum values and input fields are;
    /// root types (<c>schema.query</c>) and directives (<c>@name</c>) are not, so their breaking changes always block.
    /// </summary>
    private static bool IsCountedInUsage(string coordinate) => !coordinate.StartsWith("schema.", StringComparison.Ordinal) && !coordinate.StartsWith('@');

    /// <summary>
    /// The current version once its hash differs from <paramref name="knownHash"/>, waiting up to
    /// <paramref name="wait"/> for a change (long poll); null when the variant has no version.
    /// </summary>
    public async Task<SupergraphVersion?> WaitForChangeAsync(GraphRef graph, string? knownHash, TimeSpan wait, CancellationToken cancellationToken)
    {
        var deadline = _time.GetUtcNow() + wait;
        while (true)
        {
            var signal = _changed.GetOrAdd(graph, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
            var current = await _store.CurrentAsync(graph, cancellationToken).ConfigureAwait(false);
            var left = deadline - _time.GetUtcNow();
            if (current?.Hash != knownHash || left <= TimeSpan.Zero)
            {
                return current;
            }

            // Woken by a write of this instance, or after a short while for writes of other instances sharing the store.
            await Task.WhenAny(signal, Task.Delay(left < OtherInstancesPoll ? left : OtherInstancesPoll, _time, cancellationToken)).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    /// <param name="change">The variant's subgraphs after the write, from the current version (null: nothing to change, not found).</param>
    private async Task<WriteOutcome> WriteAsync(GraphRef graph, Provenance who, string action, CancellationToken cancellationToken, Func<SupergraphVersion?, List<SubgraphRecord>?> change)
    {
        var gate = _locks.GetOrAdd(graph, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            for (var attempt = 0; attempt < CommitAttempts; attempt++)
            {
                var current = await _store.CurrentAsync(graph, cancellationToken).ConfigureAwait(false);
                var subgraphs = change(current);
                if (subgraphs is null)
                {
                    return WriteOutcome.Failed(WriteStatus.NotFound, $"{graph} has no such subgraph ({action}).");
                }

                if (subgraphs.Count == 0)
                {
                    return WriteOutcome.Failed(WriteStatus.CompositionFailed, $"{action} would leave {graph} without subgraphs; publish another first.");
                }

                var composed = Compose(graph, subgraphs);
                if (!composed.Succeeded)
                {
                    await _store.AppendAuditAsync(new AuditEntry(graph, _time.GetUtcNow(), who.Author, action + " refused", $"{composed.Errors.Count} composition errors: {composed.Errors[0]}"), cancellationToken).ConfigureAwait(false);
                    return new WriteOutcome(WriteStatus.CompositionFailed, null, composed.Errors, "the variant would not compose");
                }

                var hash = Hash(composed.SupergraphSdl!);
                if (current is not null && hash == current.Hash && SameSchemas(current.Subgraphs, subgraphs))
                {
                    return new WriteOutcome(WriteStatus.Unchanged, current, []);
                }

                var next = new SupergraphVersion(
                    graph, (current?.Version ?? 0) + 1, hash, composed.SupergraphSdl!, ApiSchemaOf(composed.SupergraphSdl!),
                    subgraphs.OrderBy(s => s.Name, StringComparer.Ordinal).ToList(), action, who.Author, who.Commit, who.Message, _time.GetUtcNow());
                if (await _store.TryCommitAsync(current?.Version ?? 0, next, cancellationToken).ConfigureAwait(false))
                {
                    Signal(graph);
                    return new WriteOutcome(WriteStatus.Created, next, []);
                }
            }

            return WriteOutcome.Failed(WriteStatus.Conflict, $"{graph} kept changing under {CommitAttempts} attempts ({action}); nothing was written, try again.");
        }
        finally
        {
            gate.Release();
        }
    }

    private static bool SameSchemas(IReadOnlyList<SubgraphRecord> a, List<SubgraphRecord> b) =>
        a.Count == b.Count && a.All(x => b.Any(y => y.Name == x.Name && y.Url == x.Url && y.Sdl == x.Sdl));

    private void Signal(GraphRef graph)
    {
        if (_changed.TryRemove(graph, out var waiting))
        {
            waiting.TrySetResult();
        }
    }

    private static CompositionResult Compose(GraphRef graph, IReadOnlyList<SubgraphRecord> subgraphs) =>
        SupergraphComposer.Compose([.. subgraphs.OrderBy(s => s.Name, StringComparer.Ordinal).Select(s => new SubgraphSource(s.Name, s.Url, s.Sdl, $"{graph}/{s.Name}"))]);

    private static string ApiSchemaOf(string supergraph) => ApiSchemaPrinter.Print(SupergraphReader.Read(supergraph));

    public static string Hash(string supergraph) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(supergraph)));
}
