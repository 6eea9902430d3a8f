namespace FederatedGateway.Demo.Subgraphs.Accounts.Models;

/// <summary>A trader account.</summary>
internal sealed record Trader(string Id, string Name, string Email, string Desk, string BaseCurrency, int MaxOpenOrders);
