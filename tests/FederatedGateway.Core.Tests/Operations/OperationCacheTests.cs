using FederatedGateway.Core.Operations;

namespace FederatedGateway.Core.Tests.Operations;

/// <summary>The prepared-operation cache: bounded by bytes and entries, least recently used first out, successes only.</summary>
public sealed class OperationCacheTests
{
    private static string Query(int i) => $"query Q{i} {{ me {{ name }} }}";

    [Fact]
    public async Task FailuresAreNotCached()
    {
        var preparer = DemoPreparer.Create();
        var result = await preparer.PrepareAsync("{ me { x: name x: desk } }");

        Assert.False(result.IsSuccess);
        Assert.False(preparer.IsCached("{ me { x: name x: desk } }", null));
        Assert.Equal(0, preparer.CachedCount);
    }

    [Fact]
    public async Task AHitReturnsTheSamePreparedOperation()
    {
        var preparer = DemoPreparer.Create();
        var first = await preparer.PrepareAsync(Query(1));
        var second = await preparer.PrepareAsync(Query(1));
        Assert.Same(first.Operation, second.Operation);
    }

    [Fact]
    public async Task AHitCompletesSynchronouslyAndAllocatesLittle()
    {
        var preparer = DemoPreparer.Create();
        var query = Query(1);
        await preparer.PrepareAsync(query);
        await preparer.PrepareAsync(query);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var pending = preparer.PrepareAsync(query, null, default, CancellationToken.None);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(pending.IsCompletedSuccessfully);
        Assert.True((await pending).IsSuccess);

        // The result object and its empty variables dictionary; the lookup itself allocates nothing.
        Assert.True(allocated <= 256, $"{allocated} bytes");
    }

    [Fact]
    public async Task DocumentsLongerThanTheThresholdArePreparedButNeverCached()
    {
        var preparer = DemoPreparer.Create(cache: new OperationCacheOptions { MaxDocumentLength = 40 });
        var shortQuery = "{ me { name } }";
        var longQuery = "{ me { name desk email baseCurrency maxOpenOrders } }";

        Assert.True((await preparer.PrepareAsync(shortQuery)).IsSuccess);
        var first = await preparer.PrepareAsync(longQuery);
        var second = await preparer.PrepareAsync(longQuery);

        Assert.True(first.IsSuccess);
        Assert.NotSame(first.Operation, second.Operation);
        Assert.True(preparer.IsCached(shortQuery, null));
        Assert.False(preparer.IsCached(longQuery, null));
    }

    [Fact]
    public async Task TheLeastRecentlyUsedOperationsAreEvictedFirst()
    {
        var preparer = DemoPreparer.Create(cache: new OperationCacheOptions { MaxEntries = 10 });
        for (var i = 0; i < 10; i++)
        {
            await preparer.PrepareAsync(Query(i));
        }

        await preparer.PrepareAsync(Query(0));
        await preparer.PrepareAsync(Query(10));

        // Over 10 entries, the cache drops the oldest down to 9: Q1 and Q2; Q0 was used again.
        Assert.Equal(9, preparer.CachedCount);
        Assert.True(preparer.IsCached(Query(0), null));
        Assert.False(preparer.IsCached(Query(1), null));
        Assert.False(preparer.IsCached(Query(2), null));
        Assert.All(Enumerable.Range(3, 8), i => Assert.True(preparer.IsCached(Query(i), null)));
    }

    [Fact]
    public async Task TheEstimatedBytesStayUnderTheBound()
    {
        var probe = DemoPreparer.Create();
        await probe.PrepareAsync(Query(0));
        var oneEntry = probe.CachedBytes;
        Assert.True(oneEntry > 0);

        var bound = oneEntry * 5;
        var preparer = DemoPreparer.Create(cache: new OperationCacheOptions { MaxBytes = bound });
        for (var i = 0; i < 40; i++)
        {
            await preparer.PrepareAsync(Query(i));
            Assert.True(preparer.CachedBytes <= bound, $"{preparer.CachedBytes} > {bound} after {i + 1}");
        }

        Assert.InRange(preparer.CachedCount, 3, 5);
        Assert.True(preparer.IsCached(Query(39), null));
        Assert.False(preparer.IsCached(Query(0), null));
    }

    [Fact]
    public async Task TheEstimateGrowsWithTheDocument()
    {
        var preparer = DemoPreparer.Create(OperationLimits.None, new OperationCacheOptions { MaxDocumentLength = 0 });
        await preparer.PrepareAsync("{ trader(id: \"t1\") { name } }");
        var small = preparer.CachedBytes;
        await preparer.PrepareAsync("{ trader(id: \"" + new string('x', 500_000) + "\") { name } }");
        var large = preparer.CachedBytes - small;

        // The text alone is 1 MB as UTF-16, and the parsed string argument holds it once more at least.
        Assert.True(large >= 1_000_000, $"{large} bytes estimated");
    }
}
