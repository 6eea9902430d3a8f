namespace FederatedGateway.AspNetCore.Tests.Authorization;

public sealed record Trader(string Id, string Name, string Email, int MaxOpenOrders, string Risk, int Limit);
