namespace FederatedGateway.AspNetCore.Subscriptions;

/// <summary>
/// The bytes of messages a WebSocket connection has waiting to go out, the one being sent included. A message is
/// refused when others are already waiting and together they would exceed the limit: the client is not keeping up.
/// A single message larger than the limit is taken when nothing else waits.
/// </summary>
internal sealed class SendBacklog
{
    private readonly long _limit;
    private long _bytes;

    public SendBacklog(long limit) => _limit = limit;

    public long Bytes => Interlocked.Read(ref _bytes);

    /// <summary>Counts a message in; false (and nothing counted) when it would go over the limit.</summary>
    public bool TryAdd(int length)
    {
        var total = Interlocked.Add(ref _bytes, length);
        if (total > _limit && total != length)
        {
            Interlocked.Add(ref _bytes, -length);
            return false;
        }

        return true;
    }

    /// <summary>Counts a message out once it was sent (or given up).</summary>
    public void Remove(int length) => Interlocked.Add(ref _bytes, -length);
}
