namespace FederatedGateway.Registry.Storage;

/// <summary>
/// An access token made through the registry's API: its id (for listing and revoking), name (who, in the audit log),
/// the SHA-256 of its secret (the secret itself is shown once, when made, and never stored), its scopes, who made it
/// when, and when it was revoked.
/// </summary>
public sealed record StoredToken(string Id, string Name, string Sha256, IReadOnlyList<string> Scopes, DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? RevokedAt);
