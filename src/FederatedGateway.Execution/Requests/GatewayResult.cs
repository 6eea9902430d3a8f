namespace FederatedGateway.Execution.Requests;

/// <summary>
/// The finished response: a complete GraphQL response body (<c>{"data":…,"errors":…}</c>) in UTF-8.
/// </summary>
/// <remarks>
/// The body may live in a pooled buffer: dispose the result once the body is written (the memory is returned to
/// the pool then and must not be read again). A result that is never disposed is only collected normally.
/// </remarks>
public sealed class GatewayResult : IDisposable
{
    private IDisposable? _owner;

    public GatewayResult(GatewayResultKind kind, ReadOnlyMemory<byte> body)
    {
        Kind = kind;
        Body = body;
    }

    /// <param name="owner">What holds <paramref name="body"/>; disposed with the result.</param>
    public GatewayResult(GatewayResultKind kind, ReadOnlyMemory<byte> body, IDisposable owner)
        : this(kind, body)
    {
        _owner = owner;
    }

    public GatewayResultKind Kind { get; }

    public ReadOnlyMemory<byte> Body { get; private set; }

    /// <summary>When the client may try again (a rate limit or overload answer), sent as <c>Retry-After</c>.</summary>
    public TimeSpan? RetryAfter { get; set; }

    public void Dispose()
    {
        Body = ReadOnlyMemory<byte>.Empty;
        Interlocked.Exchange(ref _owner, null)?.Dispose();
    }
}
