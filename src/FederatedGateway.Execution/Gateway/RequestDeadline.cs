namespace FederatedGateway.Execution.Gateway;

/// <summary>
/// The whole-request deadline: a token that fires when the caller cancels or when the time is up, whichever comes
/// first, and tells the two apart (the caller leaving is thrown; the deadline turns what is missing into
/// <c>REQUEST_TIMEOUT</c> errors). Without a limit it is the caller's token and costs nothing.
/// </summary>
internal readonly struct RequestDeadline : IDisposable
{
    private readonly CancellationTokenSource? _timer;
    private readonly CancellationToken _caller;

    private RequestDeadline(CancellationTokenSource? timer, CancellationToken caller)
    {
        _timer = timer;
        _caller = caller;
    }

    /// <summary>Starts a deadline <paramref name="remaining"/> from now; none when it is null.</summary>
    public static RequestDeadline Start(TimeSpan? remaining, CancellationToken caller)
    {
        if (remaining is not { } time)
        {
            return new RequestDeadline(null, caller);
        }

        var timer = CancellationTokenSource.CreateLinkedTokenSource(caller);
        timer.CancelAfter(time > TimeSpan.Zero ? time : TimeSpan.Zero);
        return new RequestDeadline(timer, caller);
    }

    /// <summary>Cancelled by the caller or by the deadline.</summary>
    public CancellationToken Token => _timer?.Token ?? _caller;

    /// <summary>The deadline (not the caller) has cancelled <see cref="Token"/>.</summary>
    public bool HasPassed => _timer is { IsCancellationRequested: true } && !_caller.IsCancellationRequested;

    public void Dispose() => _timer?.Dispose();
}
