using System.IO.Hashing;
using System.Runtime.InteropServices;
using FederatedGateway.Core.Operations;

namespace FederatedGateway.Execution.Transport;

/// <summary>
/// Sends identical query fetches that are in flight at the same time only once: same subgraph, URL, body (document
/// and variables) and headers (so callers with different forwarded identities never share). Each caller gets its own
/// copy of the answer; the shared fetch runs to its own end (the inner client's timeout) even when a caller leaves.
/// Mutations, subscriptions and requests outside a plan are sent as they come.
/// </summary>
public sealed class DeduplicatingSubgraphClient : ISubgraphClient, IDisposable
{
    private readonly ISubgraphClient _inner;
    private readonly Dictionary<Key, Flight> _inFlight = [];
    private readonly Lock _gate = new();

    public DeduplicatingSubgraphClient(ISubgraphClient inner)
    {
        ArgumentNullException.ThrowIfNull(inner);
        _inner = inner;
    }

    /// <summary>How many fetches were answered by another caller's identical fetch (for tests and metrics).</summary>
    public long Shared => Interlocked.Read(ref _shared);

    private long _shared;

    public async ValueTask<SubgraphResponse> SendAsync(SubgraphRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Fetch?.Node.OperationKind != OperationKind.Query)
        {
            return await _inner.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        var key = new Key(request);
        Flight flight;
        bool leads;
        lock (_gate)
        {
            leads = !_inFlight.TryGetValue(key, out flight!);
            if (leads)
            {
                flight = new Flight();
                _inFlight[key] = flight;
            }
            else
            {
                flight.Users++;
            }
        }

        if (leads)
        {
            _ = RunAsync(key, flight, request);
        }
        else
        {
            Interlocked.Increment(ref _shared);
        }

        try
        {
            var shared = await flight.Answer.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
            return shared.Copy();
        }
        finally
        {
            Leave(flight);
        }
    }

    public void Dispose() => (_inner as IDisposable)?.Dispose();

    private async Task RunAsync(Key key, Flight flight, SubgraphRequest request)
    {
        SubgraphResponse? answer = null;
        Exception? failure = null;
        try
        {
            answer = await _inner.SendAsync(request, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            failure = ex;
        }

        lock (_gate)
        {
            // From here on nobody joins: every consumer of this flight is counted.
            _inFlight.Remove(key);
        }

        if (failure is null)
        {
            flight.Answer.SetResult(answer!);
        }
        else
        {
            flight.Answer.SetException(failure);
        }

        Leave(flight);
    }

    /// <summary>
    /// A caller (or the flight itself, once it has set the answer) is done with the shared answer; the last one returns
    /// its buffer. Callers join only while the flight is listed, and the flight leaves only after it took itself off
    /// the list, so the count never rises again once it can reach zero.
    /// </summary>
    private static void Leave(Flight flight)
    {
        if (Interlocked.Decrement(ref flight.Users) == 0 && flight.Answer.Task.IsCompletedSuccessfully)
        {
            flight.Answer.Task.Result.Dispose();
        }
    }

    /// <summary>One fetch in flight and the callers waiting for it.</summary>
    private sealed class Flight
    {
        public readonly TaskCompletionSource<SubgraphResponse> Answer = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Callers still to take their copy, plus one for the flight itself until it has answered.</summary>
        public int Users = 2;
    }

    /// <summary>What makes two fetches the same: subgraph, URL, body and headers (hashed once with XxHash3, compared in full).</summary>
    private readonly struct Key : IEquatable<Key>
    {
        private readonly SubgraphRequest _request;
        private readonly ulong _hash;

        public Key(SubgraphRequest request)
        {
            _request = request;
            var hash = new XxHash3();
            hash.Append(MemoryMarshal.AsBytes(request.ServiceName.AsSpan()));
            hash.Append(MemoryMarshal.AsBytes(request.Url.AsSpan()));
            hash.Append(request.Body.Span);
            foreach (var (name, value) in request.Headers ?? [])
            {
                hash.Append(MemoryMarshal.AsBytes(name.AsSpan()));
                hash.Append(MemoryMarshal.AsBytes(value.AsSpan()));
            }

            _hash = hash.GetCurrentHashAsUInt64();
        }

        public bool Equals(Key other)
        {
            var (a, b) = (_request, other._request);
            return _hash == other._hash
                && a.ServiceName == b.ServiceName && a.Url == b.Url
                && a.Body.Span.SequenceEqual(b.Body.Span)
                && SameHeaders(a.Headers, b.Headers);
        }

        public override bool Equals(object? obj) => obj is Key other && Equals(other);

        public override int GetHashCode() => (int)_hash;

        private static bool SameHeaders(IReadOnlyList<KeyValuePair<string, string>>? a, IReadOnlyList<KeyValuePair<string, string>>? b)
        {
            var (countA, countB) = (a?.Count ?? 0, b?.Count ?? 0);
            if (countA != countB)
            {
                return false;
            }

            for (var i = 0; i < countA; i++)
            {
                if (a![i].Key != b![i].Key || a[i].Value != b[i].Value)
                {
                    return false;
                }
            }

            return true;
        }
    }
}
