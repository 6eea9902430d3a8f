using FederatedGateway.Demo.Subgraphs.Accounts.Models;

namespace FederatedGateway.Demo.Subgraphs.Accounts.Data;

/// <summary>The in-memory trader accounts (deterministic seed data).</summary>
internal sealed class TraderDirectory
{
    /// <summary>The trader <c>Query.me</c> returns when the request names none (header <c>x-trader-id</c>).</summary>
    public const string DefaultTraderId = "t1";

    private readonly Dictionary<string, Trader> _byId;

    public TraderDirectory()
    {
        All =
        [
            new("t1", "Ada Lovelace", "ada.lovelace@northwind.example", "Equities", "GBP", 5),
            new("t2", "Grace Hopper", "grace.hopper@northwind.example", "Macro", "EUR", 3),
            new("t3", "Alan Turing", "alan.turing@northwind.example", "Quant Strategies", "GBP", 4),
        ];
        _byId = All.ToDictionary(t => t.Id, StringComparer.Ordinal);
    }

    public IReadOnlyList<Trader> All { get; }

    public Trader? Find(string id) => _byId.GetValueOrDefault(id);
}
