namespace FederatedGateway.AspNetCore.Tests.Authorization;

public sealed record Order(string Id, string TraderId, int Quantity, string SecretNote);
