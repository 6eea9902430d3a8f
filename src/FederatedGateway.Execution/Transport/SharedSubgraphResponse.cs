namespace FederatedGateway.Execution.Transport;

/// <summary>
/// One subgraph answer handed to every caller of a de-duplicated fetch without a copy each: each caller gets a view
/// (<see cref="TakeView"/>) over the same body, and the body goes back to its pool when the last view and the fetch
/// itself have let go. Whatever the executor reads from the body (its parsed tree) is read once and shared too
/// (<see cref="ReadOnce{T}"/>); nothing may change what is shared.
/// </summary>
internal sealed class SharedSubgraphResponse
{
    private readonly Lock _gate = new();
    private int _references = 1;
    private object? _read;
    private IDisposable? _readOwner;

    /// <param name="response">The answer; from now on disposed by this object, once nothing refers to it.</param>
    public SharedSubgraphResponse(SubgraphResponse response)
    {
        Response = response;
    }

    /// <summary>The answer all views share (read it through a view).</summary>
    public SubgraphResponse Response { get; }

    /// <summary>
    /// How many callers were waiting for the answer when it came (set before anybody takes it). With one, the
    /// executor reads the body into the request's own tree as usual; with more, it reads it once for all.
    /// </summary>
    public int Takers { get; set; }

    /// <summary>A response of the caller's own over the shared body; disposing it lets go of one reference.</summary>
    public SubgraphResponse TakeView()
    {
        Interlocked.Increment(ref _references);
        return SubgraphResponse.ViewOf(this);
    }

    /// <summary>
    /// What <paramref name="read"/> makes of the body, made by the first caller (under a lock) and shared with the rest.
    /// <paramref name="read"/> returns what owns the result's resources too, disposed with the body. A read that
    /// throws is tried again by the next caller.
    /// </summary>
    public T ReadOnce<T>(Func<SubgraphResponse, (T Value, IDisposable? Owner)> read)
        where T : class
    {
        lock (_gate)
        {
            if (_read is null)
            {
                var (value, owner) = read(Response);
                _readOwner = owner;
                _read = value;
            }

            return (T)_read;
        }
    }

    /// <summary>Lets go of one reference; the last one disposes what was read, then the body.</summary>
    public void Release()
    {
        if (Interlocked.Decrement(ref _references) == 0)
        {
            _readOwner?.Dispose();
            Response.Dispose();
        }
    }
}
