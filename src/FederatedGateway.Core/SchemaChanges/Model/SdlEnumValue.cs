namespace FederatedGateway.Core.SchemaChanges.Model;

internal sealed record SdlEnumValue(string Name, string? Description, string? Deprecation);
