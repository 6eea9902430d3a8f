namespace FederatedGateway.Demo;

/// <summary>The names of the demo subgraphs, as they appear in the supergraph (<c>join__Graph</c>).</summary>
public static class DemoSubgraphNames
{
    public const string Accounts = "accounts";
    public const string Portfolio = "portfolio";
    public const string Orders = "orders";

    /// <summary>All demo subgraph names, in start order.</summary>
    public static IReadOnlyList<string> All { get; } = [Accounts, Portfolio, Orders];
}
