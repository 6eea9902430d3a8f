using Microsoft.Extensions.Caching.Memory;

namespace FederatedGateway.Execution.PersistedDocuments;

/// <summary>An in-process APQ store bounded by the characters it holds, least recently used evicted first (MemoryCache with a size limit).</summary>
public sealed class MemoryPersistedQueryStore : IPersistedQueryStore, IDisposable
{
    private readonly MemoryCache _cache;

    /// <param name="maxCharacters">The most document characters kept at once.</param>
    public MemoryPersistedQueryStore(long maxCharacters)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxCharacters);
        _cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = maxCharacters, CompactionPercentage = 0.25 });
    }

    public ValueTask<string?> GetAsync(string hash, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_cache.TryGetValue(hash, out string? document) ? document : null);

    public ValueTask SetAsync(string hash, string document, CancellationToken cancellationToken)
    {
        _cache.Set(hash, document, new MemoryCacheEntryOptions { Size = Math.Max(1, document.Length) });
        return ValueTask.CompletedTask;
    }

    public void Dispose() => _cache.Dispose();
}
