namespace FederatedGateway.Demo.Apis;

/// <summary>The loopback ports of the demo's REST settlement and SOAP FX services (0 = any free port).</summary>
public sealed record DemoApiPorts(int Settlement, int Fx)
{
    /// <summary>The ports <c>schemas/supergraph-grpc.yaml</c> (and so <c>supergraph-grpc.graphql</c>) routes to.</summary>
    public static DemoApiPorts Fixed { get; } = new(4106, 4107);

    public static DemoApiPorts Ephemeral { get; } = new(0, 0);
}
