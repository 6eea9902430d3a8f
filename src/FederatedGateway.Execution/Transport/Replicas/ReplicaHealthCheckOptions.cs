namespace FederatedGateway.Execution.Transport.Replicas;

/// <summary>
/// The periodic probe of each replica: a GET of <see cref="Path"/> on the replica's origin when set, else a POST of
/// <see cref="Query"/> to the replica's URL. Healthy is an answer within <see cref="Timeout"/>: 2xx for the path, any
/// status below 500 for the query (probes carry no credentials, and a 401 still shows the replica is serving).
/// </summary>
public sealed class ReplicaHealthCheckOptions
{
    /// <summary>Time between probes of each replica; zero (the default) turns active health checks off.</summary>
    public TimeSpan Interval { get; set; }

    /// <summary>How long a probe may take. Default 1 s.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A path probed with GET on the replica's origin (e.g. <c>/health</c>); null probes with <see cref="Query"/>.</summary>
    public string? Path { get; set; }

    /// <summary>The GraphQL document POSTed when no <see cref="Path"/> is set. Default <c>{ __typename }</c>.</summary>
    public string Query { get; set; } = "{ __typename }";

    public bool Enabled => Interval > TimeSpan.Zero;

    public bool IsValid() =>
        Interval >= TimeSpan.Zero && (!Enabled || (Interval >= TimeSpan.FromMilliseconds(50) && Timeout > TimeSpan.Zero))
        && (Path is null || Path.StartsWith('/')) && !string.IsNullOrWhiteSpace(Query);
}
