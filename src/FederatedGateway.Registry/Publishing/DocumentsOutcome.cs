namespace FederatedGateway.Registry.Publishing;

/// <summary>What registering trusted documents did: whether they were taken, how many were new, and why not.</summary>
public sealed record DocumentsOutcome(bool Accepted, int Added, IReadOnlyList<DocumentProblem> Problems, string? Reason);
