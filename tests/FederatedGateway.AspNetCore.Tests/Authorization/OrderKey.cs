namespace FederatedGateway.AspNetCore.Tests.Authorization;

/// <summary>An order as an entity representation.</summary>
public sealed class OrderKey
{
    public string Id { get; set; } = "";
}
