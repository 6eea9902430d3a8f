using FederatedGateway.Execution.Headers;

namespace FederatedGateway.AspNetCore.Headers;

/// <summary>
/// Header propagation to subgraphs, configuration <c>Gateway:Headers</c>: rules for every subgraph (<see cref="All"/>),
/// then each subgraph's own (<see cref="Subgraphs"/>), applied in order. Nothing is forwarded unless a rule says so.
/// </summary>
public sealed class HeaderSettings
{
    /// <summary>Rules applied to every subgraph, in order (<c>Gateway:ForwardedHeaders</c> counts as <c>Propagate</c> rules at their start).</summary>
    public List<HeaderRuleSettings> All { get; set; } = [];

    /// <summary>Rules per subgraph name, applied after <see cref="All"/>.</summary>
    public Dictionary<string, List<HeaderRuleSettings>> Subgraphs { get; set; } = new(StringComparer.Ordinal);

    public bool HasRules => All.Count > 0 || Subgraphs.Values.Any(rules => rules.Count > 0);

    /// <summary>The policy these rules (after <paramref name="forwardedHeaders"/>, the older list of propagated names) describe.</summary>
    internal HeaderPolicy ToPolicy(IEnumerable<string> forwardedHeaders)
    {
        var all = forwardedHeaders.Select(name => HeaderRule.Propagate(name)).Concat(All.Select(rule => rule.ToRule())).ToArray();
        var bySubgraph = Subgraphs.ToDictionary(pair => pair.Key, pair => (IReadOnlyList<HeaderRule>)pair.Value.Select(rule => rule.ToRule()).ToArray(), StringComparer.Ordinal);
        return new HeaderPolicy(all, bySubgraph);
    }

    internal IEnumerable<string> Problems()
    {
        var lists = new[] { ("Gateway:Headers:All", All) }.Concat(Subgraphs.Select(pair => ($"Gateway:Headers:Subgraphs:{pair.Key}", pair.Value)));
        foreach (var (path, rules) in lists)
        {
            for (var i = 0; i < rules.Count; i++)
            {
                if (rules[i].Problem() is { } problem)
                {
                    yield return $"{path}:{i}: {problem}";
                }
            }
        }
    }
}

/// <summary>One rule: exactly one of <see cref="Propagate"/>, <see cref="Insert"/> and <see cref="Remove"/>.</summary>
public sealed class HeaderRuleSettings
{
    /// <summary>A client header to copy to the subgraph (all its values).</summary>
    public string? Propagate { get; set; }

    /// <summary>The name the propagated header gets at the subgraph.</summary>
    public string? Rename { get; set; }

    /// <summary>A header to set, to <see cref="Value"/> or to the caller's <see cref="FromClaim"/>.</summary>
    public string? Insert { get; set; }

    /// <summary>The fixed value <see cref="Insert"/> sets.</summary>
    public string? Value { get; set; }

    /// <summary>A claim of the caller's identity (e.g. <c>sub</c>); nothing is sent when the caller has none.</summary>
    public string? FromClaim { get; set; }

    /// <summary>A header an earlier rule set, to drop.</summary>
    public string? Remove { get; set; }

    internal string? Problem()
    {
        var kinds = new[] { Propagate, Insert, Remove }.Count(v => !string.IsNullOrWhiteSpace(v));
        if (kinds != 1)
        {
            return "a rule needs exactly one of Propagate, Insert and Remove.";
        }

        if (Insert is not null && (Value is null) == (FromClaim is null))
        {
            return $"Insert '{Insert}' needs exactly one of Value and FromClaim.";
        }

        var name = Propagate ?? Insert ?? Rename;
        if ((name is not null && HeaderRule.Reserved.Contains(name)) || (Rename is not null && HeaderRule.Reserved.Contains(Rename)))
        {
            return $"the header '{name}' belongs to the connection or the gateway's own request and is never propagated.";
        }

        return null;
    }

    internal HeaderRule ToRule() =>
        Propagate is { } propagate ? HeaderRule.Propagate(propagate, Rename)
        : Insert is { } insert ? (FromClaim is { } claim ? HeaderRule.InsertClaim(insert, claim) : HeaderRule.Insert(insert, Value!))
        : HeaderRule.Remove(Remove!);
}
