namespace FederatedGateway.Demo;

/// <summary>
/// The loopback ports the demo subgraphs listen on. A port of 0 lets the operating system pick a free port;
/// read the bound URLs from <see cref="DemoSubgraphHost"/> afterwards.
/// </summary>
public sealed record DemoPorts(int Accounts, int Portfolio, int Orders)
{
    /// <summary>The fixed ports of the demo, the ones routed to by <c>schemas/supergraph.graphql</c>.</summary>
    public static DemoPorts Fixed { get; } = new(4101, 4102, 4103);

    /// <summary>Free ports chosen by the operating system (for tests).</summary>
    public static DemoPorts Ephemeral { get; } = new(0, 0, 0);
}
