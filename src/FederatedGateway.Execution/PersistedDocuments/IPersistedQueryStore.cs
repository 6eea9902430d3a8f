namespace FederatedGateway.Execution.PersistedDocuments;

/// <summary>
/// Where automatic persisted queries (APQ) keep the documents clients registered, by SHA-256 hash. A store may forget
/// (bounded memory, expiry); a client then sends the document again.
/// </summary>
public interface IPersistedQueryStore
{
    ValueTask<string?> GetAsync(string hash, CancellationToken cancellationToken);

    ValueTask SetAsync(string hash, string document, CancellationToken cancellationToken);
}
