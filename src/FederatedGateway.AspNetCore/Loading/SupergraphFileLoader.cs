using FederatedGateway.Core.Supergraph;
using FederatedGateway.Execution.Gateway;
using FederatedGateway.Execution.Transport;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FederatedGateway.AspNetCore.Loading;

/// <summary>
/// Loads the supergraph file named by <see cref="GatewayOptions.SupergraphPath"/> when the host starts and
/// installs the snapshot into the <see cref="FederatedGatewayExecutor"/>. A missing or invalid file stops the
/// start with a message that says why. Afterwards the file is watched: a changed file is loaded in the background
/// and swapped in whole (requests in flight finish on the old snapshot); an invalid one is logged and the old
/// snapshot keeps serving.
/// </summary>
internal sealed partial class SupergraphFileLoader : IHostedService, IDisposable
{
    private static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(200);
    private readonly SemaphoreSlim _reloading = new(1, 1);
    private FileSystemWatcher? _watcher;
    private Timer? _timer;
    private string? _loadedSdl;

    private readonly FederatedGatewayExecutor _executor;
    private readonly ISubgraphClient _client;
    private readonly GatewayOptions _options;
    private readonly ILogger<SupergraphFileLoader> _logger;

    public SupergraphFileLoader(FederatedGatewayExecutor executor, ISubgraphClient client, IOptions<GatewayOptions> options, ILogger<SupergraphFileLoader> logger)
    {
        _executor = executor;
        _client = client;
        _options = options.Value;
        _logger = logger;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken).ConfigureAwait(false);
        if (_options.WatchSupergraph)
        {
            Watch(Path.GetFullPath(_options.SupergraphPath!));
        }
    }

    private void Watch(string path)
    {
        _timer = new Timer(_ => _ = ReloadAsync(), null, Timeout.Infinite, Timeout.Infinite);
        _watcher = new FileSystemWatcher(Path.GetDirectoryName(path)!, Path.GetFileName(path))
        {
            NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.FileName | NotifyFilters.CreationTime,
        };
        FileSystemEventHandler changed = (_, _) => _timer.Change(Debounce, Timeout.InfiniteTimeSpan);
        _watcher.Changed += changed;
        _watcher.Created += changed;
        _watcher.Renamed += (_, _) => _timer.Change(Debounce, Timeout.InfiniteTimeSpan);
        _watcher.EnableRaisingEvents = true;
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
            _reloading.Release();
        }
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var path = _options.SupergraphPath;
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new SupergraphLoadException("No supergraph given: pass --supergraph <file> (or set Gateway:SupergraphPath).");
        }

        string sdl;
        try
        {
            sdl = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new SupergraphLoadException($"Cannot read the supergraph file \"{path}\": {ex.Message}", ex);
        }

        if (sdl == _loadedSdl)
        {
            return;
        }

        GatewaySnapshot snapshot;
        try
        {
            snapshot = GatewaySnapshot.Build(sdl, _client, _options.SubgraphUrlOverrides);
        }
        catch (SupergraphException ex)
        {
            throw new SupergraphLoadException($"The supergraph file \"{path}\" cannot be loaded: {ex.Message}", ex);
        }

        _executor.Swap(snapshot);
        _loadedSdl = sdl;
        LogLoaded(_logger, path, snapshot.Schema.Subgraphs.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _watcher?.Dispose();
        _watcher = null;
        _timer?.Dispose();
        _timer = null;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The changed supergraph was rejected; the previous schema keeps serving: {Reason}")]
    private static partial void LogReloadRejected(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded supergraph {Path} with {Count} subgraphs")]
    private static partial void LogLoaded(ILogger logger, string path, int count);
}
