namespace FederatedGateway.Registry.Storage;

/// <summary>
/// A document a variant's clients are allowed to send (a persisted query list entry): its id (the SHA-256 of the body
/// in Apollo's lists), the operation name when the list gave one, the body, and who registered it when.
/// </summary>
public sealed record TrustedDocument(string Id, string? Name, string Body, DateTimeOffset AddedAt, string AddedBy);
