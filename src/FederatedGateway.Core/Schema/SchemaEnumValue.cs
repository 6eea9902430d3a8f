namespace FederatedGateway.Core.Schema;

public sealed record SchemaEnumValue(string Name, string? Description, bool Inaccessible, string? DeprecationReason, bool IsDeprecated);
