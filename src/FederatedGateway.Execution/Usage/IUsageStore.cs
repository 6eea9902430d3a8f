namespace FederatedGateway.Execution.Usage;

/// <summary>Where usage intervals are kept, and the questions asked of them (schema checks ask which clients use what).</summary>
public interface IUsageStore
{
    /// <summary>Creates the tables when they are missing.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    Task WriteAsync(UsageBatch batch, CancellationToken cancellationToken);

    /// <summary>Forgets intervals that ended before <paramref name="cutoff"/>; returns how many rows went.</summary>
    Task<long> DeleteBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);

    /// <summary>
    /// The clients that sent operations using <paramref name="coordinate"/> since <paramref name="since"/>, most
    /// requests first. A type name alone (no <c>.</c>) stands for every coordinate of that type.
    /// </summary>
    Task<IReadOnlyList<ClientUsage>> ClientsUsingAsync(string coordinate, DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>Requests per schema coordinate since <paramref name="since"/> (coordinates no operation used are absent).</summary>
    Task<IReadOnlyDictionary<string, long>> CoordinateCountsAsync(DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>Per operation and client since <paramref name="since"/>: requests, errors and latency.</summary>
    Task<IReadOnlyList<OperationUsage>> OperationsAsync(DateTimeOffset since, CancellationToken cancellationToken);
}

/// <summary>A client (name and version, empty when it did not say) and how much it used something.</summary>
public sealed record ClientUsage(string ClientName, string ClientVersion, long Requests, DateTimeOffset LastSeen);

/// <summary>One operation from one client over a span of intervals.</summary>
public sealed record OperationUsage(string DocumentHash, string OperationName, string ClientName, string ClientVersion, long Requests, long Errors, LatencyHistogram Latency);
