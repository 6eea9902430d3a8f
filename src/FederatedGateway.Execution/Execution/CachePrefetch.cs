using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace FederatedGateway.Execution.Execution;

/// <summary>
/// Asks the processor to start loading an object's first cache line before the code needs it. Walks of result trees
/// (finding an entity fetch's targets, merging its answers into them) visit objects scattered over the heap: 50
/// requests in flight hold about 500 objects each, more than the caches keep, and a perf profile of the loaded gateway
/// on the standard benchmark put most of the merge's own time on the first read of each target and of its entry array.
/// A hint a few objects ahead overlaps those misses. It is only a hint: it never faults, and an address the garbage
/// collector has moved since only wastes it. Without SSE (other processors) it does nothing.
/// </summary>
internal static class CachePrefetch
{
    /// <summary>How far ahead a loop over a list's items loads the next item (the tree walks and the response writer).</summary>
    public const int ListItemsAhead = 2;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void Object(object? target)
    {
        if (Sse.IsSupported && target is not null)
        {
            Sse.Prefetch0((void*)Unsafe.As<object, nint>(ref target));
        }
    }
}
