namespace FederatedGateway.Core.Operations;

/// <summary>
/// One document in the cache: in preparation (requests for the same document wait on <see cref="Completion"/>
/// instead of preparing it again) or prepared. The last use orders eviction; the size is estimated once prepared.
/// </summary>
internal sealed class OperationCacheEntry
{
    private readonly TaskCompletionSource<PreparedDocument> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _lastUsed;

    public OperationCacheEntry(long now)
    {
        _lastUsed = now;
    }

    public Task<PreparedDocument> Completion => _completion.Task;

    public long LastUsed => Volatile.Read(ref _lastUsed);

    /// <summary>Estimated bytes held; 0 until committed.</summary>
    public long Bytes { get; set; }

    public void Touch(long now) => Volatile.Write(ref _lastUsed, now);

    public void Complete(PreparedDocument document) => _completion.TrySetResult(document);

    public void Cancel() => _completion.TrySetCanceled();

    public void Fail(Exception exception) => _completion.TrySetException(exception);
}
