namespace FederatedGateway.Registry.Publishing;

/// <summary>Who changed a variant and why: the token's name, the CI commit and a message.</summary>
public sealed record Provenance(string Author, string? Commit = null, string? Message = null);
