namespace FederatedGateway.Registry.Storage;

/// <summary>
/// An immutable, numbered supergraph of a variant: what every publish, delete and rollback that changed the
/// composition produced, with who did it, when, the CI commit and a message. <see cref="Hash"/> is the SHA-256 of
/// <see cref="SupergraphSdl"/> (gateways use it as the ETag).
/// </summary>
public sealed record SupergraphVersion(
    GraphRef Graph,
    int Version,
    string Hash,
    string SupergraphSdl,
    string ApiSchema,
    IReadOnlyList<SubgraphRecord> Subgraphs,
    string Action,
    string Author,
    string? Commit,
    string? Message,
    DateTimeOffset CreatedAt);
