using FederatedGateway.Core.Supergraph;
using FederatedGateway.Execution.Gateway;
using FederatedGateway.Execution.Sources;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FederatedGateway.AspNetCore.Loading;

/// <summary>
/// Loads the supergraph (a file, or a <c>supergraph.yaml</c> composed at start) when the host starts and installs
/// the snapshot into the <see cref="FederatedGatewayExecutor"/>. A missing or invalid supergraph stops the start
/// with a message that says why. Afterwards the source's files are watched: a change is loaded in the background
/// and swapped in whole (requests in flight finish on the old snapshot); an invalid result is logged and the old
/// snapshot keeps serving. A source's <see cref="ISupergraphSource.Changed"/> (a gRPC source that came back) loads
/// again the same way, watched files or not.
/// </summary>
internal sealed partial class SupergraphFileLoader : IHostedService, IFirstSupergraphLoad, IDisposable
{
    private static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(200);
    private readonly SemaphoreSlim _reloading = new(1, 1);
    private readonly List<FileSystemWatcher> _watchers = new();
    private HashSet<string> _watchedFiles = new(StringComparer.Ordinal);
    private Timer? _timer;
    private string? _loadedSdl;
    private bool _firstLoadDone;

    private readonly FederatedGatewayExecutor _executor;
    private readonly IReadOnlyList<ISubgraphClientFactory> _sources;
    private readonly GatewayOptions _options;
    private readonly ISupergraphSource _source;
    private readonly ILogger<SupergraphFileLoader> _logger;

    public SupergraphFileLoader(FederatedGatewayExecutor executor, IEnumerable<ISubgraphClientFactory> sources, IOptions<GatewayOptions> options, ISupergraphSource source, ILogger<SupergraphFileLoader> logger)
    {
        _executor = executor;
        _sources = sources.ToArray();
        _options = options.Value;
        _source = source;
        _logger = logger;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await LoadFirstAsync(cancellationToken).ConfigureAwait(false);
        Watch();
    }

    /// <summary>
    /// The first load, once: done by <see cref="StartAsync"/>, or before the host starts by
    /// <see cref="GatewayRunner"/>, so a supergraph that cannot be loaded ends the process with its one-line message
    /// and not after the host's "Hosting failed to start" with a stack trace.
    /// </summary>
    public async Task LoadFirstAsync(CancellationToken cancellationToken)
    {
        await _reloading.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_firstLoadDone)
            {
                return;
            }

            // Held like a reload: a source's Changed during the first load reloads after it, never beside it.
            await LoadAsync(cancellationToken).ConfigureAwait(false);
            _timer = new Timer(_ => _ = ReloadAsync(), null, Timeout.Infinite, Timeout.Infinite);
            _source.Changed += ScheduleReload;
            _firstLoadDone = true;
        }
        finally
        {
            _reloading.Release();
        }
    }

    private void ScheduleReload() => _timer?.Change(Debounce, Timeout.InfiniteTimeSpan);

    /// <summary>
    /// Watches the source's current files (a composed source's file list can change with each load). Called as soon as
    /// a load has read the files, before its snapshot is swapped in: a file the new config names that changes right
    /// after the swap must not be missed. A file list that changed also schedules one more check, for a change made
    /// between the read and the new watchers.
    /// </summary>
    private void Watch()
    {
        var files = new HashSet<string>(_source.WatchedFiles, StringComparer.Ordinal);
        if (!_options.WatchSupergraph || files.SetEquals(_watchedFiles) || _timer is null)
        {
            return;
        }

        var first = _watchedFiles.Count == 0;
        DisposeWatchers();
        _watchedFiles = files;
        foreach (var path in files)
        {
            var watcher = new FileSystemWatcher(Path.GetDirectoryName(path)!, Path.GetFileName(path))
            {
                NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.FileName | NotifyFilters.CreationTime,
            };
            FileSystemEventHandler changed = (_, _) => _timer?.Change(Debounce, Timeout.InfiniteTimeSpan);
            watcher.Changed += changed;
            watcher.Created += changed;
            watcher.Renamed += (_, _) => _timer?.Change(Debounce, Timeout.InfiniteTimeSpan);
            watcher.EnableRaisingEvents = true;
            _watchers.Add(watcher);
        }

        if (!first)
        {
            _timer.Change(Debounce, Timeout.InfiniteTimeSpan);
        }
    }

    private void DisposeWatchers()
    {
        foreach (var watcher in _watchers)
        {
            watcher.Dispose();
        }

        _watchers.Clear();
    }

    private async Task ReloadAsync()
    {
        if (!await _reloading.WaitAsync(0).ConfigureAwait(false))
        {
            _timer?.Change(Debounce, Timeout.InfiniteTimeSpan);
            return;
        }

        try
        {
            await LoadAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (SupergraphLoadException ex)
        {
            LogReloadRejected(_logger, ex.Message);
        }
        finally
        {
            Watch();
            _reloading.Release();
        }
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var path = _source.Description;
        var sdl = await _source.LoadSdlAsync(cancellationToken).ConfigureAwait(false);
        Watch();
        if (sdl == _loadedSdl)
        {
            return;
        }

        GatewaySnapshot snapshot;
        try
        {
            snapshot = GatewaySnapshot.Build(sdl, _sources, _options.SubgraphUrlOverrides, _options.Limits.ToOperationLimits(), _options.Limits.ToCacheOptions());
        }
        catch (Exception ex) when (ex is SupergraphException or Execution.Sources.SubgraphRefusedException)
        {
            throw new SupergraphLoadException($"The supergraph from \"{path}\" cannot be loaded: {ex.Message}", ex);
        }

        _executor.Swap(snapshot);
        _loadedSdl = sdl;
        LogLoaded(_logger, path, snapshot.Schema.Subgraphs.Count);
        foreach (var note in _source.Notes)
        {
            LogNote(_logger, path, note);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _source.Changed -= ScheduleReload;
        DisposeWatchers();
        _timer?.Dispose();
        _timer = null;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The changed supergraph was rejected; the previous schema keeps serving: {Reason}")]
    private static partial void LogReloadRejected(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Path}: {Note}")]
    private static partial void LogNote(ILogger logger, string path, string note);

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded supergraph {Path} with {Count} subgraphs")]
    private static partial void LogLoaded(ILogger logger, string path, int count);
}
