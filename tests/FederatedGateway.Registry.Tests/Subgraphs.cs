namespace FederatedGateway.Registry.Tests;

/// <summary>Three small Federation 2 subgraphs of a trading graph, and changed versions of one of them.</summary>
internal static class Subgraphs
{
    private const string Link = """extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@shareable"])""";

    public static readonly string Accounts = Link + "\ntype Query { me: Trader }\ntype Trader @key(fields: \"id\") { id: ID! name: String desk: String }";

    public static readonly string Orders = Link + "\ntype Query { orders: [Order!]! }\ntype Order @key(fields: \"id\") { id: ID! qty: Int! trader: Trader }\ntype Trader @key(fields: \"id\", resolvable: false) { id: ID! }";

    public static readonly string Portfolio = Link + "\ntype Trader @key(fields: \"id\") { id: ID! positions: [String!] }";

    /// <summary>Accounts with a new field: compatible.</summary>
    public static readonly string AccountsWithEmail = Accounts.Replace("desk: String }", "desk: String email: String }", StringComparison.Ordinal);

    /// <summary>Accounts without <c>Trader.desk</c>: a breaking change.</summary>
    public static readonly string AccountsWithoutDesk = Accounts.Replace(" desk: String }", " }", StringComparison.Ordinal);

    /// <summary>Accounts whose <c>Trader.id</c> clashes with the other subgraphs' type: does not compose.</summary>
    public static readonly string AccountsNotComposing = Accounts.Replace("type Trader @key(fields: \"id\") { id: ID!", "type Trader @key(fields: \"id\") { id: Int!", StringComparison.Ordinal);

    /// <summary>A subgraph numbered <paramref name="n"/>, each with its own root field.</summary>
    public static string Numbered(int n) => Link + $"\ntype Query {{ field{n}: String }}";
}
