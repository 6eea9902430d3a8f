namespace FederatedGateway.Demo.Grpc;

/// <summary>The loopback ports of the demo gRPC services (0 = any free port).</summary>
public sealed record DemoGrpcPorts(int MarketData, int Risk)
{
    /// <summary>The ports <c>schemas/supergraph-grpc.graphql</c> routes to.</summary>
    public static DemoGrpcPorts Fixed { get; } = new(4104, 4105);

    public static DemoGrpcPorts Ephemeral { get; } = new(0, 0);
}
