using System.Collections.Concurrent;

namespace FederatedGateway.Execution.Execution;

/// <summary>
/// The arenas (<see cref="ResultArena"/>) waiting for their next request. An arena that handed out more than
/// <see cref="MaxArenaInUse"/> objects and lists (a very large answer) is dropped rather than kept, and the arenas in
/// the pool hold at most <see cref="MaxPooledSlots"/> slots in all (<see cref="ResultArena.HeldSlots"/>); past that,
/// returned arenas are left to the GC. With the defaults that is at most about 12 MB.
/// </summary>
internal sealed class ResultArenaPool
{
    /// <summary>The pool the executors use.</summary>
    public static readonly ResultArenaPool Shared = new();

    private readonly ConcurrentBag<ResultArena> _arenas = new();
    private int _pooled;

    /// <param name="maxArenaInUse">An arena that handed out more objects and lists than this is not kept.</param>
    /// <param name="maxPooledSlots">Slots all kept arenas hold together, at most.</param>
    public ResultArenaPool(int maxArenaInUse = 4096, int maxPooledSlots = 512 * 1024)
    {
        MaxArenaInUse = maxArenaInUse;
        MaxPooledSlots = maxPooledSlots;
    }

    public int MaxArenaInUse { get; }

    public int MaxPooledSlots { get; }

    /// <summary>Slots held by the arenas in the pool.</summary>
    public int PooledSlots => Volatile.Read(ref _pooled);

    /// <summary>
    /// Result trees of fewer objects and lists than this are allocated rather than recycled (see <see cref="Rent(int)"/>).
    /// </summary>
    public const int MinPooledTreeSize = 128;

    /// <summary>
    /// An arena for a request whose operation built a tree of <paramref name="expectedTreeSize"/> objects and lists
    /// last time (0 when not known): a pooled one for a large tree, otherwise one that allocates and keeps nothing.
    /// <para>
    /// Recycling pays for large trees, which live across several gen0 collections while their request waits for its
    /// fetches and would otherwise be copied into older generations each time (the standard benchmark's tree, about
    /// 500 objects and lists: 0.73× RPS without the pool). For small trees it costs more than it saves: a recycled
    /// object's storage was last touched many requests ago (cache misses on every object), an arena serving
    /// operations of other shapes exchanges and drops storage (young arrays pushed onto old pools, hence card marking
    /// and gen2 garbage), while a small tree allocated fresh mostly dies in gen0. Varied traffic (median 22 objects and
    /// lists per tree, at most 250) was 1.35× faster with every tree allocated (docs/benchmarks.md).
    /// </para>
    /// </summary>
    public ResultArena Rent(int expectedTreeSize) => expectedTreeSize >= MinPooledTreeSize ? Rent() : new ResultArena(null);

    /// <summary>An arena from the pool, or a new one.</summary>
    public ResultArena Rent()
    {
        if (_arenas.TryTake(out var arena))
        {
            Interlocked.Add(ref _pooled, -arena.HeldSlots);
        }
        else
        {
            arena = new ResultArena(this);
        }

        arena.Rented = 1;
        return arena;
    }

    /// <summary>Takes an arena back (see <see cref="ResultArena.Return"/>).</summary>
    internal void Return(ResultArena arena)
    {
        // A second return of the same rental is ignored: pooled twice, one arena would serve two requests at once.
        if (Interlocked.Exchange(ref arena.Rented, 0) == 0)
        {
            return;
        }

        if (arena.InUse > MaxArenaInUse)
        {
            // A very large answer: let the GC have all of it rather than keep its objects for good.
            return;
        }

        arena.Recycle();
        if (Interlocked.Add(ref _pooled, arena.HeldSlots) > MaxPooledSlots)
        {
            Interlocked.Add(ref _pooled, -arena.HeldSlots);
            return;
        }

        _arenas.Add(arena);
    }
}
