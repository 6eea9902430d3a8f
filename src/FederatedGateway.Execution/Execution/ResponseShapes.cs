using System.Collections.Concurrent;

namespace FederatedGateway.Execution.Execution;

/// <summary>
/// The fields the response writer collects per (selection, runtime type), kept with a compiled operation and shared
/// by all its requests whose shape cannot differ: those without <c>@skip</c>/<c>@include</c> variables. The nested
/// selections of a cached entry are its own node lists, so a whole response shape is computed once per operation.
/// Bounded: past <see cref="MaxEntries"/> entries (a very wide operation) new shapes are computed per request.
/// </summary>
internal sealed class ResponseShapes
{
    private const int MaxEntries = 4096;


    private readonly ConcurrentDictionary<object, CollectedFields> _byKey = new(ReferenceEqualityComparer.Instance);
    private readonly Lock _writeLock = new();
    private int _count;

    public CollectedFields? Find(object key, string runtimeType)
    {
        if (_byKey.TryGetValue(key, out var entry))
        {
            for (; entry is not null; entry = entry.Next)
            {
                if (string.Equals(entry.RuntimeType, runtimeType))
                {
                    return entry;
                }
            }
        }

        return null;
    }

    /// <summary>Keeps <paramref name="created"/> (whose <c>Next</c> is ignored); returns the entry to use.</summary>
    public CollectedFields Add(object key, CollectedFields created)
    {
        lock (_writeLock)
        {
            if (Find(key, created.RuntimeType) is { } existing)
            {
                return existing;
            }

            if (_count >= MaxEntries)
            {
                return created;
            }

            _byKey.TryGetValue(key, out var head);
            var entry = created with { Next = head };
            _byKey[key] = entry;
            _count++;
            return entry;
        }
    }
}
