namespace FederatedGateway.AspNetCore.Tests.Authorization;

/// <summary>A trader as the orders subgraph gets it: a key, and what its @requires asks for.</summary>
public sealed class TraderKey
{
    public string Id { get; set; } = "";

    public int? MaxOpenOrders { get; set; }
}
