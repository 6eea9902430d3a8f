using FederatedGateway.Grpc.Descriptors;
using FederatedGateway.Grpc.Sources;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FederatedGateway.Grpc.Composition;

/// <summary>
/// Keeps a gateway composing while reflection sources are down. A source read live is cached
/// (<see cref="DescriptorCache"/>); one that cannot be read is composed from its cache when there is one, and left
/// out of the graph otherwise; either way it is tried again in the background, with a delay doubling from
/// <see cref="FirstRetryDelay"/> up to <see cref="MaxRetryDelay"/>, and once it answers <see cref="SourceAppeared"/>
/// asks for a new composition (the gateway's supergraph loader recomposes and swaps the graph in if it changed).
/// </summary>
public sealed partial class GrpcSourceRecovery : IDisposable
{
    private readonly Dictionary<string, Task> _retrying = new(StringComparer.OrdinalIgnoreCase);
    private readonly CancellationTokenSource _stopping = new();
    private readonly ILogger _logger;

    /// <param name="cache">Where descriptors read by reflection are kept; null keeps none.</param>
    public GrpcSourceRecovery(DescriptorCache? cache, ILogger? logger = null)
    {
        Cache = cache;
        _logger = logger ?? NullLogger.Instance;
    }

    public DescriptorCache? Cache { get; }

    public TimeSpan FirstRetryDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long one background attempt may take.</summary>
    public TimeSpan LoadTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Raised (on a background thread) when a source that could not be read answers again.</summary>
    public event Action<string>? SourceAppeared;

    /// <summary>The subgraphs being tried again in the background.</summary>
    public IReadOnlyList<string> Retrying
    {
        get
        {
            lock (_retrying)
            {
                return _retrying.Keys.ToList();
            }
        }
    }

    /// <summary>A source was read live: its descriptors are cached.</summary>
    public void Loaded(string subgraph, ProtoFiles files) => Cache?.Save(subgraph, files);

    /// <summary>
    /// A source could not be read: starts trying it again in the background and gives its cached descriptors, or
    /// null when there are none (the source is then left out of the graph until it answers).
    /// </summary>
    public ProtoFiles? Unreachable(string subgraph, GrpcSourceDefinition source, string url, GrpcSourceException failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        var cached = Cache?.TryLoad(subgraph);
        if (cached is null)
        {
            LogLeftOut(_logger, subgraph, failure.Message);
        }
        else
        {
            LogFromCache(_logger, subgraph, Cache!.PathOf(subgraph), failure.Message);
        }

        lock (_retrying)
        {
            if (!_stopping.IsCancellationRequested && !_retrying.ContainsKey(subgraph))
            {
                var token = _stopping.Token;
                _retrying[subgraph] = Task.Run(() => RetryAsync(subgraph, source, url, token));
            }
        }

        return cached;
    }

    /// <summary>Stops the background tries (the token source stays undisposed: a try may still be starting with its token).</summary>
    public void Dispose()
    {
        lock (_retrying)
        {
            _stopping.Cancel();
        }
    }

    private async Task RetryAsync(string subgraph, GrpcSourceDefinition source, string url, CancellationToken token)
    {
        var delay = FirstRetryDelay;
        try
        {
            while (true)
            {
                await Task.Delay(delay, token).ConfigureAwait(false);
                try
                {
                    Loaded(subgraph, await GrpcSourceLoader.LoadRawFilesAsync(source, url, LoadTimeout, token).ConfigureAwait(false));
                    break;
                }
                catch (GrpcSourceException ex)
                {
                    delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxRetryDelay.Ticks));
                    LogStillDown(_logger, subgraph, delay, ex.Message);
                }
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            return;
        }
        finally
        {
            lock (_retrying)
            {
                _retrying.Remove(subgraph);
            }
        }

        LogAppeared(_logger, subgraph);
        SourceAppeared?.Invoke(subgraph);
    }

    [LoggerMessage(EventId = 321, Level = LogLevel.Warning, Message = "gRPC subgraph \"{Subgraph}\" is left out of the graph until it can be read (tried again in the background): {Reason}")]
    private static partial void LogLeftOut(ILogger logger, string subgraph, string reason);

    [LoggerMessage(EventId = 322, Level = LogLevel.Warning, Message = "gRPC subgraph \"{Subgraph}\" is composed from its cached descriptors {Path} until it can be read (tried again in the background): {Reason}")]
    private static partial void LogFromCache(ILogger logger, string subgraph, string path, string reason);

    [LoggerMessage(EventId = 323, Level = LogLevel.Debug, Message = "gRPC subgraph \"{Subgraph}\" still cannot be read; next try in {Delay}: {Reason}")]
    private static partial void LogStillDown(ILogger logger, string subgraph, TimeSpan delay, string reason);

    [LoggerMessage(EventId = 324, Level = LogLevel.Information, Message = "gRPC subgraph \"{Subgraph}\" can be read again; the graph is composed again")]
    private static partial void LogAppeared(ILogger logger, string subgraph);
}
