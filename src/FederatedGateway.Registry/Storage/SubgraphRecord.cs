namespace FederatedGateway.Registry.Storage;

/// <summary>One subgraph of a variant as last published: where the gateway routes to it and its schema.</summary>
public sealed record SubgraphRecord(string Name, string Url, string Sdl, DateTimeOffset PublishedAt, string PublishedBy);
