using System.Security.Claims;

namespace FederatedGateway.Execution.Headers;

/// <summary>
/// Which headers go to which subgraph: rules for every subgraph, then each subgraph's own, applied in order to the
/// client's headers and identity. Nothing reaches a subgraph that no rule puts there. Immutable and shared.
/// </summary>
public sealed class HeaderPolicy
{
    private readonly IReadOnlyList<HeaderRule> _all;
    private readonly IReadOnlyDictionary<string, IReadOnlyList<HeaderRule>> _bySubgraph;

    public HeaderPolicy(IReadOnlyList<HeaderRule> all, IReadOnlyDictionary<string, IReadOnlyList<HeaderRule>> bySubgraph)
    {
        ArgumentNullException.ThrowIfNull(all);
        ArgumentNullException.ThrowIfNull(bySubgraph);
        _all = all;
        _bySubgraph = bySubgraph;
        ClientHeaders = all.Concat(bySubgraph.Values.SelectMany(rules => rules))
            .Where(rule => rule.Kind == HeaderRuleKind.Propagate)
            .Select(rule => rule.Name)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToArray();
    }

    /// <summary>The client headers some rule propagates: the only ones a host needs to collect.</summary>
    public IReadOnlyList<string> ClientHeaders { get; }

    /// <summary>The headers each subgraph gets for a request with <paramref name="client"/> headers from <paramref name="user"/>.</summary>
    public SubgraphHeaders Apply(IReadOnlyList<KeyValuePair<string, string>>? client, ClaimsPrincipal? user)
    {
        var common = Run(_all, [], client, user);
        if (_bySubgraph.Count == 0)
        {
            return SubgraphHeaders.Same(common);
        }

        var bySubgraph = new Dictionary<string, IReadOnlyList<KeyValuePair<string, string>>?>(_bySubgraph.Count, StringComparer.Ordinal);
        foreach (var (subgraph, rules) in _bySubgraph)
        {
            var own = Run(rules, [.. common], client, user);
            bySubgraph[subgraph] = own.Count == 0 ? null : own;
        }

        return SubgraphHeaders.PerSubgraph(common.Count == 0 ? null : common, bySubgraph);
    }

    private static List<KeyValuePair<string, string>> Run(
        IReadOnlyList<HeaderRule> rules, List<KeyValuePair<string, string>> headers, IReadOnlyList<KeyValuePair<string, string>>? client, ClaimsPrincipal? user)
    {
        foreach (var rule in rules)
        {
            switch (rule.Kind)
            {
                case HeaderRuleKind.Propagate:
                    foreach (var (name, value) in client ?? [])
                    {
                        if (string.Equals(name, rule.Name, StringComparison.OrdinalIgnoreCase))
                        {
                            headers.Add(new(rule.Target, value));
                        }
                    }

                    break;
                case HeaderRuleKind.Insert:
                    var inserted = rule.Claim is null ? rule.Value : user?.FindFirst(rule.Claim)?.Value;
                    headers.RemoveAll(header => string.Equals(header.Key, rule.Target, StringComparison.OrdinalIgnoreCase));
                    if (inserted is not null)
                    {
                        headers.Add(new(rule.Target, inserted));
                    }

                    break;
                case HeaderRuleKind.Remove:
                    headers.RemoveAll(header => string.Equals(header.Key, rule.Name, StringComparison.OrdinalIgnoreCase));
                    break;
            }
        }

        return headers;
    }
}
