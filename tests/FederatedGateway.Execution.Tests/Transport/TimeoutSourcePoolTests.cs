using FederatedGateway.Execution.Transport;

namespace FederatedGateway.Execution.Tests.Transport;

/// <summary>Reused timeout sources never start out cancelled, never cancel on an earlier fetch's timer, and carry no earlier registration.</summary>
public sealed class TimeoutSourcePoolTests
{
    [Fact]
    public void ACancelledSourceIsNotReused()
    {
        var pool = new TimeoutSourcePool();
        var expired = pool.Rent(TimeSpan.FromMilliseconds(1));
        // Waits for the timer itself rather than a fixed delay: on a loaded machine a 1 ms timer can fire much later.
        Assert.True(expired.Token.WaitHandle.WaitOne(TimeSpan.FromSeconds(30)));
        pool.Return(expired);

        var next = pool.Rent(Timeout.InfiniteTimeSpan);
        Assert.NotSame(expired, next);
        Assert.False(next.IsCancellationRequested);
    }

    [Fact]
    public async Task AReusedSourceLosesItsEarlierTimer()
    {
        var pool = new TimeoutSourcePool();
        var first = pool.Rent(TimeSpan.FromMilliseconds(100));
        pool.Return(first);

        var reused = pool.Rent(Timeout.InfiniteTimeSpan);
        Assert.Same(first, reused);
        await Task.Delay(300);
        Assert.False(reused.IsCancellationRequested);
    }

    [Fact]
    public void ARegistrationLeftOnAReturnedTokenNeverRuns()
    {
        var pool = new TimeoutSourcePool();
        var source = pool.Rent(Timeout.InfiniteTimeSpan);
        var ran = false;
        source.Token.Register(() => ran = true);
        pool.Return(source);

        var reused = pool.Rent(Timeout.InfiniteTimeSpan);
        Assert.Same(source, reused);
        reused.Cancel();
        Assert.False(ran);
    }
}
