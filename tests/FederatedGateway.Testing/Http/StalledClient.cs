using System.Net.Sockets;
using System.Text;

namespace FederatedGateway.Testing.Http;

/// <summary>
/// A raw HTTP/1.1 client that sends one POST and then reads nothing (4 KB receive buffer), so the server's writes stall
/// once the socket buffers are full. <see cref="DrainAsync"/> then reads what arrived, to see whether the server ended it.
/// </summary>
public sealed class StalledClient : IDisposable
{
    private readonly Socket _socket;

    private StalledClient(Socket socket) => _socket = socket;

    public static async Task<StalledClient> PostAsync(Uri endpoint, string json, string accept = "application/json")
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { ReceiveBufferSize = 4096 };
        await socket.ConnectAsync(endpoint.Host, endpoint.Port);
        var body = Encoding.UTF8.GetBytes(json);
        var head = Encoding.ASCII.GetBytes(
            $"POST {endpoint.PathAndQuery} HTTP/1.1\r\nHost: {endpoint.Authority}\r\nContent-Type: application/json\r\nAccept: {accept}\r\nContent-Length: {body.Length}\r\n\r\n");
        await socket.SendAsync(head);
        await socket.SendAsync(body);
        return new StalledClient(socket);
    }

    /// <summary>Reads until the server ends the connection or <paramref name="wait"/> passes: the bytes read, and whether it ended.</summary>
    public async Task<(long Bytes, bool Ended)> DrainAsync(TimeSpan wait)
    {
        using var timeout = new CancellationTokenSource(wait);
        var buffer = new byte[256 * 1024];
        long total = 0;
        try
        {
            while (true)
            {
                var read = await _socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token);
                if (read == 0)
                {
                    return (total, true);
                }

                total += read;
            }
        }
        catch (SocketException)
        {
            return (total, true); // reset by the server
        }
        catch (OperationCanceledException)
        {
            return (total, false);
        }
    }

    public void Dispose() => _socket.Dispose();
}
