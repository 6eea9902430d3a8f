using Microsoft.Extensions.Logging;

namespace FederatedGateway.Execution.Transport.Replicas;

/// <summary>
/// The subgraphs served by several URLs, by name (case-insensitive), with their health checks running from the
/// moment the registry is built until it is disposed. A subgraph not in the registry keeps its single URL.
/// </summary>
public sealed class ReplicaRegistry : IDisposable
{
    private readonly Dictionary<string, ReplicaSet> _sets;
    private readonly List<ReplicaHealthChecker> _checkers = [];

    /// <param name="subgraphs">Subgraph name → its URLs and options (subgraphs with fewer than two URLs are left out).</param>
    /// <param name="probeHandler">The HTTP handler health checks of a subgraph use (its TLS settings); owned by the registry.</param>
    public ReplicaRegistry(
        IEnumerable<KeyValuePair<string, (IReadOnlyList<string> Urls, ReplicaOptions Options)>> subgraphs,
        Func<string, HttpMessageHandler>? probeHandler = null,
        ILoggerFactory? loggers = null)
    {
        ArgumentNullException.ThrowIfNull(subgraphs);
        var logger = loggers?.CreateLogger<ReplicaRegistry>();
        _sets = new Dictionary<string, ReplicaSet>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, (urls, options)) in subgraphs)
        {
            if (urls.Count < 2)
            {
                continue;
            }

            var set = new ReplicaSet(name, urls, options, logger);
            _sets[name] = set;
            if (options.HealthCheck.Enabled && probeHandler is not null)
            {
                _checkers.Add(new ReplicaHealthChecker(set, probeHandler(name)));
            }
        }
    }

    public bool IsEmpty => _sets.Count == 0;

    public IEnumerable<ReplicaSet> Sets => _sets.Values;

    public bool TryGet(string subgraph, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out ReplicaSet set) =>
        _sets.TryGetValue(subgraph, out set);

    public void Dispose()
    {
        foreach (var checker in _checkers)
        {
            checker.Dispose();
        }

        _checkers.Clear();
    }
}
