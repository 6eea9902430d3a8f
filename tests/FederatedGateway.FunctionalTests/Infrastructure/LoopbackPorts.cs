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

    /// <summary>A loopback port in use: a listener started on 127.0.0.1:0, holding it until disposed.</summary>
    public static TcpListener Held()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return listener;
    }

    /// <summary>The port <paramref name="listener"/> listens on.</summary>
    public static int PortOf(TcpListener listener) => ((IPEndPoint)listener.LocalEndpoint).Port;
}
