using System.Buffers;
using Microsoft.AspNetCore.Http;

namespace FederatedGateway.AspNetCore.Subscriptions;

/// <summary>Writes <c>graphql-sse</c> events (<c>next</c>, <c>complete</c>) and keep-alive comments, one at a time, flushing each.</summary>
internal sealed class ServerSentEventWriter
{
    private static readonly byte[] s_nextPrefix = "event: next\ndata: "u8.ToArray();
    private static readonly byte[] s_errorsPrefix = "event: next\ndata: {\"errors\":"u8.ToArray();
    private static readonly byte[] s_complete = "event: complete\ndata: \n\n"u8.ToArray();
    private static readonly byte[] s_keepAlive = ":\n\n"u8.ToArray();
    private static readonly byte[] s_end = "\n\n"u8.ToArray();
    private static readonly byte[] s_errorsEnd = "}\n\n"u8.ToArray();

    private readonly HttpResponse _response;
    private readonly SemaphoreSlim _lock = new(1, 1);

    public ServerSentEventWriter(HttpResponse response) => _response = response;

    /// <summary>A <c>next</c> event carrying a GraphQL response (compact JSON: no line breaks).</summary>
    public Task NextAsync(ReadOnlyMemory<byte> payload, CancellationToken cancellationToken) =>
        WriteAsync(s_nextPrefix, payload, s_end, cancellationToken);

    /// <summary>A <c>next</c> event with only errors (<c>{"errors":[…]}</c>), for an operation that failed as a whole.</summary>
    public Task ErrorsAsync(ReadOnlyMemory<byte> errors, CancellationToken cancellationToken) =>
        WriteAsync(s_errorsPrefix, errors, s_errorsEnd, cancellationToken);

    public Task CompleteAsync(CancellationToken cancellationToken) => WriteAsync(s_complete, default, default, cancellationToken);

    public Task KeepAliveAsync(CancellationToken cancellationToken) => WriteAsync(s_keepAlive, default, default, cancellationToken);

    private async Task WriteAsync(ReadOnlyMemory<byte> prefix, ReadOnlyMemory<byte> body, ReadOnlyMemory<byte> suffix, CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var output = _response.BodyWriter;
            output.Write(prefix.Span);
            output.Write(body.Span);
            output.Write(suffix.Span);
            await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _lock.Release();
        }
    }
}
