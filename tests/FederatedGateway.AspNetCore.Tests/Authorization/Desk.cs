namespace FederatedGateway.AspNetCore.Tests.Authorization;

public sealed record Desk(string Id, string Name, double Pnl);
