using System.Numerics;

namespace FederatedGateway.Execution.Execution;

/// <summary>
/// Recycles the storage of result trees (objects, their entry arrays, lists) from one request to the next, so that
/// reading subgraph answers does not allocate a fresh tree per request. A tree lives for one request and is large
/// (about 500 objects and lists on the benchmark query; its entry arrays, objects and lists were 73% of the 151 KB the
/// executor allocated per execution), and 50 of them in flight at once were what every gen0 collection had to mark
/// and promote. With the executor loop (tools/FederatedGateway.Benchmarks --execute-loop),
/// allocation per execution fell from 151 KB to 18 KB with this and the pooled entity-batch arrays; docs/benchmarks.md
/// has the load figures.
/// <para>
/// One arena serves one request (<see cref="ExecutionState"/> rents it and returns it once the response is written,
/// when nothing can reach the tree any more), so the pooled arenas are sized by whole requests. Only requests whose
/// operation built a large tree last time take a pooled arena; the others get one that allocates and keeps nothing
/// (<see cref="ResultArenaPool.Rent(int)"/> says why). It is not thread-safe:
/// the request's parallel fetches read their answers into it, and merge them, holding its <see cref="Gate"/>.
/// (One arena per answer, tried first, needed no lock, but arenas then served answers of every size in turn and each
/// grew to hold the largest: one held 3,432 slots after serving an answer of 3 objects, and an allocation trace of the
/// loaded gateway still found entry arrays at 19% of its bytes.) Returning clears every slot that
/// was used, so a recycled object never shows another request's data, and no leaf buffer stays reachable through the
/// pool.
/// </para>
/// <para>
/// Memory stays bounded: arrays and lists larger than <see cref="MaxPooledCapacity"/> are never kept, and
/// <see cref="ResultArenaPool"/> drops an arena that handed out too much (a very large answer) and keeps a bounded
/// number of objects in all.
/// </para>
/// </summary>
internal sealed class ResultArena
{
    /// <summary>The largest entry array or list capacity that is recycled (a power of two).</summary>
    public const int MaxPooledCapacity = 256;

    private const int Classes = 9; // capacities 1, 2, 4, … 256

    /// <summary>An arena that allocates and keeps nothing (for trees built outside a request: tests, tools).</summary>
    public static readonly ResultArena Unpooled = new(null);

    private readonly ResultArenaPool? _pool;
    private readonly Stack<ResultObject> _freeObjects;

    // What the free objects hold: two slots each for the object, and their entry arrays.
    private int _freeObjectSlots;
    private readonly Stack<ResultObject.Entry[]>[] _freeEntries;

    // Per size class, the fewest free entry arrays there were since the last recycling: that many sat unused for a
    // whole request (objects now come back with their arrays, so loose arrays are only needed where objects grow).
    private readonly int[] _unusedEntries;
    private readonly Stack<List<ResultValue>>[] _freeLists;
    private readonly List<ResultObject> _objects;
    private readonly List<List<ResultValue>> _lists;

    // What an arena without a pool handed out (it keeps no list of them). Only a request's own arena's count is read;
    // the shared Unpooled one's is not, so its unsynchronized increments do not matter.
    private int _allocated;

    /// <param name="pool">Where the arena goes back to; null for one that allocates and keeps nothing.</param>
    internal ResultArena(ResultArenaPool? pool)
    {
        _pool = pool;
        if (pool is null)
        {
            // Nothing is kept: an arena of one request's small tree costs two allocations.
            _freeObjects = null!;
            _freeEntries = [];
            _unusedEntries = [];
            _freeLists = [];
            _objects = null!;
            _lists = null!;
            return;
        }

        _freeObjects = new Stack<ResultObject>();
        _objects = new List<ResultObject>();
        _lists = new List<List<ResultValue>>();
        _freeEntries = new Stack<ResultObject.Entry[]>[Classes];
        _unusedEntries = new int[Classes];
        _freeLists = new Stack<List<ResultValue>>[Classes];
        for (var i = 0; i < Classes; i++)
        {
            _freeEntries[i] = new Stack<ResultObject.Entry[]>();
            _freeLists[i] = new Stack<List<ResultValue>>();
        }
    }

    /// <summary>Whether what this arena hands out is recycled (it came from a <see cref="ResultArenaPool"/>).</summary>
    public bool IsPooled => _pool is not null;

    /// <summary>1 from <see cref="ResultArenaPool.Rent"/> until the arena is returned (its pool guards against a second return).</summary>
    internal int Rented;

    /// <summary>Held while reading an answer into the arena or merging one into a tree from it.</summary>
    public Lock Gate { get; } = new();

    /// <summary>Objects and lists handed out since the arena was last returned.</summary>
    public int InUse => _pool is null ? _allocated : _objects.Count + _lists.Count;

    /// <summary>
    /// What the arena keeps for reuse, in slots: an entry or list item is one (24 or 16 bytes), an object or list
    /// itself two.
    /// </summary>
    public int HeldSlots { get; private set; }

    /// <summary>Gives the arena back to its pool; nothing may use what it handed out afterwards.</summary>
    public void Return() => _pool?.Return(this);

    /// <summary>Takes back everything this arena handed out, cleared, for reuse (its pool calls this).</summary>
    internal void Recycle()
    {
        // Objects keep their cleared entry arrays and go back in reverse order, so the next request pops them in the
        // order this one rented them: a request of the same shape gets each object with the storage it needed (grown
        // already where a merge grew it), and an object and the array allocated with it stay a pair, next to each
        // other in memory, instead of being dealt out separately (one cache miss fewer per object visited).
        for (var i = _objects.Count - 1; i >= 0; i--)
        {
            var obj = _objects[i];
            obj.ClearForReuse(IsPooledSize(obj.Capacity));
            _freeObjects.Push(obj);
            _freeObjectSlots += 2 + obj.Capacity;
        }

        _objects.Clear();
        foreach (var list in _lists)
        {
            list.Clear();
            if (ClassOf(list.Capacity) is var size and >= 0 && 1 << size == list.Capacity)
            {
                _freeLists[size].Push(list);
            }
        }

        _lists.Clear();
        var held = _freeObjectSlots;
        for (var size = 0; size < Classes; size++)
        {
            // Half of the arrays no request needed lately go (to the GC), so loose arrays left over from requests of
            // another shape do not stay pooled for good.
            var free = _freeEntries[size];
            for (var drop = (_unusedEntries[size] + 1) / 2; drop > 0; drop--)
            {
                free.Pop();
            }

            _unusedEntries[size] = free.Count;
            held += (free.Count << size) + _freeLists[size].Count * ((1 << size) + 2);
        }

        HeldSlots = held;
    }

    /// <summary>An empty object with room for <paramref name="capacity"/> keys.</summary>
    public ResultObject RentObject(int capacity)
    {
        capacity = Math.Max(capacity, 1);
        if (_pool is null)
        {
            _allocated++;
            return new ResultObject(this, new ResultObject.Entry[capacity]);
        }

        if (_freeObjects.TryPop(out var obj))
        {
            _freeObjectSlots -= 2 + obj.Capacity;

            // Storage too small, or far larger than asked for (a recycled object of another request's shape), is exchanged.
            if (obj.Capacity < capacity || obj.Capacity > Math.Max(4 * capacity, 8))
            {
                ReturnEntries(obj.ReplaceStorage(RentEntries(capacity)), 0);
            }
        }
        else
        {
            obj = new ResultObject(this, RentEntries(capacity));
        }

        _objects.Add(obj);
        return obj;
    }

    /// <summary>An empty list with room for <paramref name="capacity"/> items.</summary>
    public List<ResultValue> RentList(int capacity)
    {
        if (_pool is null)
        {
            _allocated++;
            return new List<ResultValue>(capacity);
        }

        var size = ClassOf(capacity);
        var list = size >= 0 && _freeLists[size].TryPop(out var free) ? free : new List<ResultValue>(size >= 0 ? 1 << size : capacity);
        _lists.Add(list);
        return list;
    }

    /// <summary>An entry array of at least <paramref name="capacity"/> slots, all empty.</summary>
    public ResultObject.Entry[] RentEntries(int capacity)
    {
        capacity = Math.Max(capacity, 1);
        var size = _pool is null ? -1 : ClassOf(capacity);
        if (size < 0)
        {
            return new ResultObject.Entry[capacity];
        }

        var free = _freeEntries[size];
        if (free.TryPop(out var entries))
        {
            _unusedEntries[size] = Math.Min(_unusedEntries[size], free.Count);
            return entries;
        }

        _unusedEntries[size] = 0;
        return new ResultObject.Entry[1 << size];
    }

    /// <summary>Takes back an entry array whose first <paramref name="used"/> slots may hold values.</summary>
    public void ReturnEntries(ResultObject.Entry[] entries, int used)
    {
        if (_pool is null || !IsPooledSize(entries.Length))
        {
            return;
        }

        var size = ClassOf(entries.Length);
        Array.Clear(entries, 0, Math.Min(used, entries.Length));
        _freeEntries[size].Push(entries);
    }

    /// <summary>Whether storage of this length is recycled: a power of two up to <see cref="MaxPooledCapacity"/>.</summary>
    private static bool IsPooledSize(int length) => length is > 0 and <= MaxPooledCapacity && (length & (length - 1)) == 0;

    /// <summary>The size class holding <paramref name="capacity"/> (log2 of the next power of two), or -1 when too large.</summary>
    private static int ClassOf(int capacity) =>
        capacity > MaxPooledCapacity ? -1 : BitOperations.Log2(BitOperations.RoundUpToPowerOf2((uint)Math.Max(capacity, 1)));
}
