namespace FederatedGateway.AspNetCore.Tests.Authorization;

/// <summary>The authorization test graph's data: two traders, one desk, their orders.</summary>
public static class TradingData
{
    public static readonly Trader[] Traders =
    [
        new("t1", "Ada", "ada@desk.test", 5, "HIGH", 1_000_000),
        new("t2", "Alan", "alan@desk.test", 3, "LOW", 250_000),
    ];

    public static readonly Desk[] Desks = [new("d1", "Equities", 1200.5)];

    public static readonly Order[] Orders =
    [
        new("o1", "t1", 50, "front-run the close"),
        new("o2", "t1", 10, "client is nervous"),
        new("o3", "t2", 7, "hedge"),
    ];
}
