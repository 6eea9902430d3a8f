namespace FederatedGateway.Grpc.Tests.Infrastructure;

/// <summary>Loopback ports free at the moment of asking, for services started later or never.</summary>
public static class FreePorts
{
    public static int Next()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
