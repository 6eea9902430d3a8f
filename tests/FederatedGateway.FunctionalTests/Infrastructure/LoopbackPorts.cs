using System.Net;
using System.Net.Sockets;

namespace FederatedGateway.FunctionalTests.Infrastructure;

public static class LoopbackPorts
{
    /// <summary>A loopback port nobody listens on: bound to 127.0.0.1:0 and released again.</summary>
    public static int Closed()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
