using FederatedGateway.Core.Operations;

namespace FederatedGateway.Core.Tests.Operations;

/// <summary>
/// Preparation stops when its request is cancelled (the client left, the deadline passed), and a cancelled
/// preparation is neither cached nor passed on to other requests for the same document.
/// </summary>
public sealed class PreparationCancellationTests
{
    [Fact]
    public async Task ACancelledRequestStopsAHugeDocumentQuicklyAndLeavesNothingCached()
    {
        // 60,000 root fields with the limits off: a quarter of a second or more of preparation when it runs.
        var query = DemoPreparer.RepeatedMe(60_000);
        var preparer = DemoPreparer.Create(OperationLimits.None);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        var cpu = CpuTime.Measure(() => Assert.ThrowsAny<OperationCanceledException>(() => preparer.PrepareAsync(query, cancelled.Token).GetAwaiter().GetResult()));

        Assert.False(preparer.IsCached(query, null));
        Assert.Equal(0, preparer.CachedCount);

        // Parsing alone (before the first check) costs a few milliseconds; generous bound.
        Assert.True(cpu < TimeSpan.FromMilliseconds(200), $"{cpu.TotalMilliseconds} ms CPU");
    }

    [Fact]
    public async Task TheNextRequestForACancelledDocumentPreparesIt()
    {
        var preparer = DemoPreparer.Create();
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => preparer.PrepareAsync("{ me { name } }", cancelled.Token));

        var result = await preparer.PrepareAsync("{ me { name } }");

        Assert.True(result.IsSuccess);
        Assert.True(preparer.IsCached("{ me { name } }", null));
    }

    [Fact]
    public async Task RequestsWaitingForADocumentSurviveTheCancellationOfTheOneThatPreparesIt()
    {
        // 200 KB, long enough to prepare that the cancellation often lands during it; cached whatever its length.
        var query = "{ me {" + string.Concat(Enumerable.Repeat(" name desk", 20_000)) + " } }";
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var preparer = DemoPreparer.Create(OperationLimits.None, new OperationCacheOptions { MaxDocumentLength = 0 });
            using var leaving = new CancellationTokenSource();
            var first = Task.Run(() => preparer.PrepareAsync(query, leaving.Token));
            var waiters = Enumerable.Range(0, 4).Select(_ => Task.Run(() => preparer.PrepareAsync(query))).ToArray();
            leaving.Cancel();

            // Whichever request got to prepare it, and whenever the cancellation landed: the others succeed.
            foreach (var waiter in waiters)
            {
                Assert.True((await waiter).IsSuccess);
            }

            try
            {
                Assert.True((await first).IsSuccess);
            }
            catch (OperationCanceledException)
            {
                // The leaving request may or may not have finished first.
            }

            Assert.True(preparer.IsCached(query, null));
        }
    }
}
