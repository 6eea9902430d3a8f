using System.Net.Sockets;
using System.Text;

namespace FederatedGateway.AspNetCore.Tests.SlowClients;

/// <summary>
/// A raw HTTP/1.1 client that sends one GraphQL POST and then never reads (a small receive buffer, so the server's
/// writes stall once the socket buffers are full). <see cref="DrainAsync"/> reads what arrived, to see how it ended.
/// </summary>
internal sealed class StalledHttpClient : IDisposable
{
    private readonly Socket _socket;

    private StalledHttpClient(Socket socket) => _socket = socket;

    public static async Task<StalledHttpClient> SendAsync(Uri endpoint, string json)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { ReceiveBufferSize = 4096 };
        await socket.ConnectAsync(endpoint.Host, endpoint.Port);
        var body = Encoding.UTF8.GetBytes(json);
        var head = Encoding.ASCII.GetBytes(
            $"POST {endpoint.PathAndQuery} HTTP/1.1\r\nHost: {endpoint.Authority}\r\nContent-Type: application/json\r\nAccept: application/json\r\nContent-Length: {body.Length}\r\n\r\n");
        await socket.SendAsync(head);
        await socket.SendAsync(body);
        return new StalledHttpClient(socket);
    }

    /// <summary>Reads until the server ends the connection (or <paramref name="wait"/> passes); returns the bytes read and whether it ended.</summary>
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
