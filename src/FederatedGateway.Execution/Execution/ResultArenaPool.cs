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
