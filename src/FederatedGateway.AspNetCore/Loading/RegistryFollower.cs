using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using FederatedGateway.Core.Supergraph;
using FederatedGateway.Execution.Gateway;
using FederatedGateway.Execution.Sources;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FederatedGateway.AspNetCore.Loading;

/// <summary>
/// Serves the supergraph of a registry variant and follows it: fetched at start (or, when the registry does not
/// answer in time, the disk copy of the last version served), then long-polled with its hash; a new version is
/// swapped in whole as live reload does, and written to the disk copy. While the registry is down the last good
/// version keeps serving and polling backs off; a version that does not load is logged and skipped.
/// </summary>
internal sealed partial class RegistryFollower : IHostedService, IFirstSupergraphLoad, IDisposable
{
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(30);

    private readonly FederatedGatewayExecutor _executor;
    private readonly IReadOnlyList<ISubgraphClientFactory> _sources;
    private readonly GatewayOptions _options;
    private readonly RegistrySourceSettings _settings;
    private readonly ILogger _logger;
    private readonly HttpClient _http;
    private readonly CancellationTokenSource _stopping = new();
    private readonly System.Diagnostics.Metrics.Meter _meter = new("FederatedGateway.Registry");
    private Task? _loop;
    private Task? _firstLoad;

    // The hash of the last version fetched, served or rejected: polls wait for one that differs from it.
    private string? _lastFetched;

    public RegistryFollower(FederatedGatewayExecutor executor, IEnumerable<ISubgraphClientFactory> sources, IOptions<GatewayOptions> options, ILogger<RegistryFollower> logger)
    {
        _executor = executor;
        _sources = sources.ToArray();
        _options = options.Value;
        _settings = _options.Registry;
        if (!string.IsNullOrWhiteSpace(_options.SupergraphPath))
        {
            throw new SupergraphLoadException("Give either --supergraph <file> or --registry <url> --graph <name@variant>, not both.");
        }

        _logger = logger;
        _http = new HttpClient { Timeout = _settings.PollWait + TimeSpan.FromSeconds(15) };
        // The registry version served (0: the disk copy, whose number is unknown), for alerts on gateways left behind.
        _meter.CreateObservableGauge<int>(
            "fgw.supergraph.version",
            () => Served is { } served ? [new System.Diagnostics.Metrics.Measurement<int>(served.Version, new KeyValuePair<string, object?>("graph", _settings.Graph))] : Array.Empty<System.Diagnostics.Metrics.Measurement<int>>(),
            description: "The schema registry version of the supergraph this gateway serves");
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _settings.ResolvedToken);
    }

    /// <summary>The version served (0 when it came from the disk copy and its number is unknown) and its hash; null before the first load.</summary>
    public (int Version, string Hash)? Served { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await LoadFirstAsync(cancellationToken).ConfigureAwait(false);
        _loop = FollowAsync(_stopping.Token);
    }

    public Task LoadFirstAsync(CancellationToken cancellationToken) => _firstLoad ??= FirstLoadAsync(cancellationToken);

    private async Task FirstLoadAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_settings.StartTimeout);
        try
        {
            var fetched = await FetchAsync(null, TimeSpan.Zero, timeout.Token).ConfigureAwait(false);
            if (fetched is { } version)
            {
                Install(version.Sdl, version.Number, version.Hash);
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or RegistryAnswerException && !cancellationToken.IsCancellationRequested)
        {
            LogStartUnreachable(_logger, _settings.SupergraphUrl(), ex.Message);
        }

        if (Served is null)
        {
            InstallFromDisk();
        }
    }

    private void InstallFromDisk()
    {
        var file = _settings.CacheFile();
        if (!File.Exists(file))
        {
            throw new SupergraphLoadException(
                $"The registry at {_settings.Url} did not give {_settings.Graph}'s supergraph and there is no copy of it in \"{file}\" yet: start the gateway once while the registry answers, or give --supergraph.");
        }

        var sdl = File.ReadAllText(file);
        var hash = SupergraphHashes.Of(sdl);
        Install(sdl, 0, hash);
        LogServingCopy(_logger, file, hash[..12]);
    }

    private async Task FollowAsync(CancellationToken stopping)
    {
        var delay = _settings.RetryDelay;
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                var fetched = await FetchAsync(_lastFetched ?? Served?.Hash, _settings.PollWait, stopping).ConfigureAwait(false);
                delay = _settings.RetryDelay;
                if (fetched is { } version)
                {
                    _lastFetched = version.Hash;
                    try
                    {
                        Install(version.Sdl, version.Number, version.Hash);
                    }
                    catch (SupergraphLoadException ex)
                    {
                        LogVersionRejected(_logger, version.Number, ex.Message);
                    }
                }
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or RegistryAnswerException)
            {
                LogPollFailed(_logger, _settings.SupergraphUrl(), ex.Message, delay.TotalSeconds);
                try
                {
                    await Task.Delay(delay, stopping).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                delay = delay * 2 > MaxRetryDelay ? MaxRetryDelay : delay * 2;
            }
        }
    }

    /// <summary>The variant's supergraph when its hash differs from <paramref name="known"/>; null when unchanged after waiting.</summary>
    private async Task<(string Sdl, int Number, string Hash)?> FetchAsync(string? known, TimeSpan wait, CancellationToken cancellationToken)
    {
        var url = _settings.SupergraphUrl() + (known is null ? "" : "?wait=" + ((int)wait.TotalSeconds).ToString(CultureInfo.InvariantCulture));
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (known is not null)
        {
            request.Headers.IfNoneMatch.Add(new EntityTagHeaderValue($"\"{known}\""));
        }

        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotModified)
        {
            return null;
        }

        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new RegistryAnswerException($"the registry answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false)}");
        }

        var sdl = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var number = response.Headers.TryGetValues("X-Fgw-Version", out var values) && int.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
        return (sdl, number, SupergraphHashes.Of(sdl));
    }

    private void Install(string sdl, int number, string hash)
    {
        GatewaySnapshot snapshot;
        try
        {
            snapshot = GatewaySnapshot.Build(sdl, _sources, _options.SubgraphUrlOverrides, _options.Limits.ToOperationLimits(), _options.Limits.ToCacheOptions());
        }
        catch (Exception ex) when (ex is SupergraphException or SubgraphRefusedException)
        {
            throw new SupergraphLoadException($"Version {number} of {_settings.Graph} from the registry cannot be loaded: {ex.Message}", ex);
        }

        _executor.Swap(snapshot);
        Served = (number, hash);
        if (number > 0)
        {
            WriteCopy(sdl);
        }

        LogInstalled(_logger, _settings.Graph!, number, hash[..12], snapshot.Schema.Subgraphs.Count);
    }

    /// <summary>The disk copy is replaced whole (write, then rename), so a crash never leaves half a file.</summary>
    private void WriteCopy(string sdl)
    {
        var file = _settings.CacheFile();
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
            var temporary = file + ".tmp";
            File.WriteAllText(temporary, sdl);
            File.Move(temporary, file, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            LogCopyFailed(_logger, file, ex.Message);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        if (_loop is not null)
        {
            await _loop.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public void Dispose()
    {
        _meter.Dispose();
        _stopping.Dispose();
        _http.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Serving {Graph} version {Version} ({Hash}) from the registry with {Count} subgraphs")]
    private static partial void LogInstalled(ILogger logger, string graph, int version, string hash, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The registry ({Url}) did not answer at start ({Reason}); serving the disk copy")]
    private static partial void LogStartUnreachable(ILogger logger, string url, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Serving the disk copy {File} ({Hash}) until the registry answers")]
    private static partial void LogServingCopy(ILogger logger, string file, string hash);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Polling the registry ({Url}) failed: {Reason}; the current version keeps serving, next try in {Seconds} s")]
    private static partial void LogPollFailed(ILogger logger, string url, string reason, double seconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Version {Version} from the registry was rejected; the current one keeps serving: {Reason}")]
    private static partial void LogVersionRejected(ILogger logger, int version, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not keep the disk copy {File}: {Reason}")]
    private static partial void LogCopyFailed(ILogger logger, string file, string reason);

    private sealed class RegistryAnswerException(string message) : Exception(message);
}

/// <summary>The registry's version hash of a supergraph.</summary>
internal static class SupergraphHashes
{
    /// <summary>The SHA-256 of a supergraph's text, lower-case hex: the registry's version hash and ETag.</summary>
    public static string Of(string sdl) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(sdl)));
}
