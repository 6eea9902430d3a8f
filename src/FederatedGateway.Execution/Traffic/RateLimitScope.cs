namespace FederatedGateway.Execution.Traffic;

/// <summary>What one rate limit counts: each client, each operation name, or all requests together.</summary>
public enum RateLimitScope
{
    Client,
    Operation,
    Global,
}
