namespace FederatedGateway.Execution.Usage;

/// <summary>What usage is counted by: the operation (document hash and name) and the client (name and version, empty when not sent).</summary>
public readonly record struct UsageKey(string DocumentHash, string OperationName, string ClientName, string ClientVersion)
{
    /// <summary>The document hash counts land on once an interval has seen its maximum of distinct keys.</summary>
    public const string OverflowHash = "~overflow";
}
