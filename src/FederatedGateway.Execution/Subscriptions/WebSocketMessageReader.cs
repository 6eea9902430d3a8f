using System.Buffers;
using System.Net.WebSockets;

namespace FederatedGateway.Execution.Subscriptions;

/// <summary>
/// Reads whole WebSocket messages (all their frames) into one pooled buffer that grows up to a size limit.
/// One reader per socket; the message stays valid until the next read or <see cref="Dispose"/>.
/// </summary>
public sealed class WebSocketMessageReader : IDisposable
{
    private readonly int _maxMessageSize;
    private byte[] _buffer;

    public WebSocketMessageReader(int maxMessageSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxMessageSize);
        _maxMessageSize = maxMessageSize;
        _buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(4096L, maxMessageSize + 1L));
    }

    /// <summary>The last message read.</summary>
    public ReadOnlyMemory<byte> Message { get; private set; }

    /// <summary>Reads the next message; <see cref="Message"/> holds it when the result is <see cref="WebSocketReadResult.Text"/>.</summary>
    /// <exception cref="WebSocketException">The connection broke.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired.</exception>
    public async ValueTask<WebSocketReadResult> ReadAsync(WebSocket socket, CancellationToken cancellationToken)
    {
        var length = 0;
        while (true)
        {
            if (length == _buffer.Length)
            {
                if (length > _maxMessageSize)
                {
                    return WebSocketReadResult.TooLarge;
                }

                var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)_buffer.Length * 2, (long)_maxMessageSize + 1));
                _buffer.AsSpan(0, length).CopyTo(larger);
                ArrayPool<byte>.Shared.Return(_buffer);
                _buffer = larger;
            }

            var received = await socket.ReceiveAsync(_buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                return WebSocketReadResult.Closed;
            }

            length += received.Count;
            if (length > _maxMessageSize)
            {
                return WebSocketReadResult.TooLarge;
            }

            if (received.EndOfMessage)
            {
                Message = _buffer.AsMemory(0, length);
                return received.MessageType == WebSocketMessageType.Text ? WebSocketReadResult.Text : WebSocketReadResult.Binary;
            }
        }
    }

    public void Dispose()
    {
        var buffer = Interlocked.Exchange(ref _buffer, Array.Empty<byte>());
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        Message = default;
    }
}
