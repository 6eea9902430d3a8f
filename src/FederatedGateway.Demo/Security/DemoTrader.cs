namespace FederatedGateway.Demo.Security;

/// <summary>A demo login: the token's subject is the accounts subgraph's trader id, its scopes decide what it may read.</summary>
public sealed record DemoTrader(string Login, string TraderId, string Scope)
{
    /// <summary>Alice (Ada Lovelace's account, t1) trades: order notionals (<c>trading:read</c>), no risk figures.</summary>
    public static readonly DemoTrader Alice = new("alice", "t1", "trading:read");

    /// <summary>Bob (Grace Hopper's account, t2) is a risk officer: risk limits (<c>risk:read</c>), no order notionals.</summary>
    public static readonly DemoTrader Bob = new("bob", "t2", "risk:read");

    public static IReadOnlyList<DemoTrader> All { get; } = [Alice, Bob];

    public static DemoTrader? Find(string? login) => All.FirstOrDefault(t => string.Equals(t.Login, login, StringComparison.OrdinalIgnoreCase));
}
