using FederatedGateway.Execution.Transport.Replicas;

namespace FederatedGateway.AspNetCore.Traffic;

/// <summary>
/// Several URLs per subgraph, configuration <c>Gateway:Replicas</c>: the URLs of each subgraph under
/// <c>Subgraphs:&lt;name&gt;:Urls</c> (replacing its supergraph URL and any <c>SubgraphUrlOverrides</c> entry), and
/// the ejection and health-check settings of all of them (<see cref="ReplicaOptions"/>), which a subgraph may
/// override with its own <c>HealthCheck</c>. A subgraph with a single URL is served as before, without a balancer.
/// </summary>
public sealed class ReplicaSettings
{
    /// <summary>Failures in a row (connection failures, 5xx) that eject a replica; 0 turns passive ejection off. Default 3.</summary>
    public int EjectAfterFailures { get; set; } = 3;

    /// <summary>The first ejection; doubled for each ejection that follows within <see cref="MaxEjectionTime"/> of the last. Default 2 s.</summary>
    public TimeSpan EjectionTime { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The longest ejection. Default 30 s.</summary>
    public TimeSpan MaxEjectionTime { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Active health checks of every replica (a subgraph may set its own).</summary>
    public ReplicaHealthCheckOptions HealthCheck { get; set; } = new();

    /// <summary>Per subgraph name: its URLs and, optionally, its own health check.</summary>
    public Dictionary<string, SubgraphReplicaSettings> Subgraphs { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The subgraphs with two URLs or more whose URLs satisfy <paramref name="scheme"/>, with their options.</summary>
    internal IEnumerable<KeyValuePair<string, (IReadOnlyList<string> Urls, ReplicaOptions Options)>> Balanced(Func<string, bool> scheme) =>
        Problems().Any()
            ? []
            : Subgraphs
                .Where(pair => pair.Value.Urls.Count > 1 && pair.Value.Urls.All(scheme))
                .Select(pair => KeyValuePair.Create(pair.Key, ((IReadOnlyList<string>)pair.Value.Urls, OptionsFor(pair.Value))));

    private ReplicaOptions OptionsFor(SubgraphReplicaSettings subgraph) => new()
    {
        EjectAfterFailures = EjectAfterFailures,
        EjectionTime = EjectionTime,
        MaxEjectionTime = MaxEjectionTime,
        HealthCheck = subgraph.HealthCheck ?? HealthCheck,
    };

    internal IEnumerable<string> Problems()
    {
        if (!OptionsFor(new SubgraphReplicaSettings()).IsValid())
        {
            yield return "Gateway:Replicas needs EjectAfterFailures of zero or more, a positive EjectionTime, a MaxEjectionTime not shorter than it, "
                + "and a HealthCheck with an Interval of zero (off) or at least 50 ms, a positive Timeout, a Path starting with '/' and a Query.";
        }

        foreach (var (name, subgraph) in Subgraphs)
        {
            if (subgraph.HealthCheck is { } own && !own.IsValid())
            {
                yield return $"Gateway:Replicas:Subgraphs:{name}:HealthCheck needs an Interval of zero (off) or at least 50 ms, a positive Timeout, a Path starting with '/' and a Query.";
            }

            if (subgraph.Urls.Count is 0 or > 64 || !subgraph.Urls.All(IsAbsolute)
                || subgraph.Urls.Select(Family).Distinct().Count() != 1)
            {
                yield return $"Gateway:Replicas:Subgraphs:{name}:Urls needs between 1 and 64 absolute URLs of one kind: all http(s):// or all grpc(s)://.";
            }
        }
    }

    /// <summary>The single URL of a subgraph configured with exactly one, which acts as a URL override.</summary>
    internal IEnumerable<KeyValuePair<string, string>> SingleUrls() =>
        Problems().Any() ? [] : Subgraphs.Where(pair => pair.Value.Urls.Count == 1).Select(pair => KeyValuePair.Create(pair.Key, pair.Value.Urls[0]));

    internal static bool IsHttp(string url) => Family(url) == "http";

    internal static bool IsGrpc(string url) => Family(url) == "grpc";

    private static bool IsAbsolute(string url) => Uri.TryCreate(url, UriKind.Absolute, out var uri) && !string.IsNullOrEmpty(uri.Host);

    private static string Family(string url) => Uri.TryCreate(url, UriKind.Absolute, out var uri)
        ? uri.Scheme.ToLowerInvariant() switch
        {
            "http" or "https" => "http",
            "grpc" or "grpcs" => "grpc",
            _ => uri.Scheme,
        }
        : "";
}
