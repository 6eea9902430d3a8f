using FederatedGateway.Execution.Usage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FederatedGateway.AspNetCore.Usage;

/// <summary>
/// Closes the usage interval every <see cref="UsageSettings.FlushInterval"/> and writes it to the store; holds
/// intervals (up to <see cref="UsageSettings.MaxPendingIntervals"/>) while the store is down; applies the retention
/// once an hour; flushes one last time when the gateway stops.
/// </summary>
internal sealed class UsageFlushService : BackgroundService
{
    private static readonly TimeSpan RetentionPeriod = TimeSpan.FromHours(1);
    private static readonly TimeSpan FinalFlushTimeout = TimeSpan.FromSeconds(5);

    private readonly UsageRecorder _recorder;
    private readonly TrafficHistory? _history;
    private readonly IUsageStore _store;
    private readonly UsageSettings _settings;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Queue<UsageBatch> _pending = new();
    private readonly SemaphoreSlim _flushing = new(1, 1);
    private bool _initialized;
    private DateTimeOffset _lastRetention = DateTimeOffset.MinValue;

    /// <param name="history">Where each closed interval's totals also go (the dashboard's traffic charts), when the dashboard is on.</param>
    public UsageFlushService(UsageRecorder recorder, IUsageStore store, UsageSettings settings, ILogger<UsageFlushService> logger, TrafficHistory? history = null, TimeProvider? time = null)
    {
        _recorder = recorder;
        _history = history;
        _store = store;
        _settings = settings;
        _logger = logger;
        _time = time ?? TimeProvider.System;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_settings.FlushInterval, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                await FlushAsync(stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping: StopAsync flushes what is left
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(FinalFlushTimeout);
        try
        {
            await FlushAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // the host would not wait longer
        }
    }

    /// <summary>Closes the current interval and writes every waiting one; the store's failures are logged, not thrown.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        await _flushing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var batch = _recorder.Drain();
            _history?.Add(batch);
            if (!batch.IsEmpty)
            {
                _pending.Enqueue(batch);
            }

            while (_pending.Count > _settings.MaxPendingIntervals)
            {
                var dropped = _pending.Dequeue();
                UsageLog.Dropped(_logger, dropped.Start, dropped.Counts.Values.Sum(c => c.Requests), _pending.Count);
            }

            if (!await InitializeAsync(cancellationToken).ConfigureAwait(false))
            {
                return;
            }

            while (_pending.TryPeek(out var next))
            {
                try
                {
                    await _store.WriteAsync(next, cancellationToken).ConfigureAwait(false);
                    _pending.Dequeue();
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    UsageLog.WriteFailed(_logger, _pending.Count, ex);
                    return;
                }
            }

            await ApplyRetentionAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _flushing.Release();
        }
    }

    private async Task<bool> InitializeAsync(CancellationToken cancellationToken)
    {
        if (_initialized)
        {
            return true;
        }

        try
        {
            await _store.InitializeAsync(cancellationToken).ConfigureAwait(false);
            _initialized = true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            UsageLog.InitializeFailed(_logger, ex);
        }

        return _initialized;
    }

    private async Task ApplyRetentionAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        if (now - _lastRetention < RetentionPeriod)
        {
            return;
        }

        _lastRetention = now;
        var cutoff = now - _settings.Retention;
        try
        {
            var rows = await _store.DeleteBeforeAsync(cutoff, cancellationToken).ConfigureAwait(false);
            if (rows > 0)
            {
                UsageLog.Retained(_logger, rows, cutoff);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            UsageLog.WriteFailed(_logger, _pending.Count, ex);
        }
    }
}
