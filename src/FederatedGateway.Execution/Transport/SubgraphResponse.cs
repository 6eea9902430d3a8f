using FederatedGateway.Execution.Execution;

namespace FederatedGateway.Execution.Transport;

/// <summary>
/// A subgraph's answer: either the UTF-8 JSON body of a GraphQL response, or a transport failure.
/// The body is rented from <see cref="PooledArrays"/> (or <see cref="System.Buffers.ArrayPool{T}.Shared"/>); call <see cref="Dispose"/> to return it.
/// </summary>
public sealed class SubgraphResponse : IDisposable
{
    private byte[]? _rented;
    private readonly int _length;

    // A view over a shared answer (see SharedSubgraphResponse): its body, and the reference let go on dispose.
    private SharedSubgraphResponse? _shared;
    private ReadOnlyMemory<byte> _sharedBody;

    private SubgraphResponse(byte[]? rented, int length, int statusCode, string? failure, string? failureCode, Exception? failureCause, bool failureIsWholeMessage = false)
    {
        FailureIsWholeMessage = failureIsWholeMessage;
        _rented = rented;
        _length = length;
        StatusCode = statusCode;
        Failure = failure;
        FailureCode = failureCode;
        FailureCause = failureCause;
    }

    /// <summary>A response body; <paramref name="rented"/> must come from <see cref="PooledArrays"/> or <see cref="System.Buffers.ArrayPool{T}.Shared"/>.</summary>
    public static SubgraphResponse FromBody(byte[] rented, int length, int statusCode) =>
        new(rented, length, statusCode, null, null, null);

    /// <summary>A transport failure with a human message and a stable code (e.g. SUBREQUEST_HTTP_ERROR).</summary>
    /// <param name="message">What the client is told: it must not name hosts, ports or addresses.</param>
    /// <param name="cause">The exception behind it, for the gateway's log only.</param>
    public static SubgraphResponse Failed(string message, string code, int statusCode = 0, Exception? cause = null) =>
        new(null, 0, statusCode, message, code, cause);

    /// <summary>
    /// A failure before any transport (a gRPC source whose descriptors cannot be had): <paramref name="message"/> is
    /// the client's whole message, without the "HTTP fetch failed from …" of a transport failure.
    /// </summary>
    /// <param name="message">What the client is told: it must not name hosts, ports or addresses.</param>
    /// <param name="cause">The exception behind it, for the gateway's log only.</param>
    public static SubgraphResponse FailedBeforeTransport(string message, string code, Exception? cause = null) =>
        new(null, 0, 0, message, code, cause, failureIsWholeMessage: true);

    public int StatusCode { get; }

    /// <summary>True when <see cref="Failure"/> is the client's whole message (see <see cref="FailedBeforeTransport"/>).</summary>
    public bool FailureIsWholeMessage { get; }

    /// <summary>Null when a body arrived; otherwise why not.</summary>
    public string? Failure { get; }

    public string? FailureCode { get; }

    /// <summary>The exception behind <see cref="Failure"/>, logged by the gateway, never shown to clients.</summary>
    public Exception? FailureCause { get; }

    public ReadOnlyMemory<byte> Body => _rented is null ? _sharedBody : _rented.AsMemory(0, _length);

    /// <summary>The shared answer this response is a view of (null for a response of its own).</summary>
    internal SharedSubgraphResponse? Shared => _shared;

    /// <summary>A view over <paramref name="shared"/>'s body (the caller has taken a reference for it).</summary>
    internal static SubgraphResponse ViewOf(SharedSubgraphResponse shared)
    {
        var answer = shared.Response;
        return new SubgraphResponse(null, 0, answer.StatusCode, answer.Failure, answer.FailureCode, answer.FailureCause, answer.FailureIsWholeMessage)
        {
            _shared = shared,
            _sharedBody = answer.Body,
        };
    }

    public void Dispose()
    {
        var rented = Interlocked.Exchange(ref _rented, null);
        if (rented is not null)
        {
            PooledArrays.Return(rented);
        }

        if (Interlocked.Exchange(ref _shared, null) is { } shared)
        {
            _sharedBody = default;
            shared.Release();
        }
    }
}
