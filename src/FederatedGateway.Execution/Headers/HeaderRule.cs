namespace FederatedGateway.Execution.Headers;

/// <summary>What a <see cref="HeaderRule"/> does.</summary>
public enum HeaderRuleKind
{
    /// <summary>Copies a client header (under its own or a new name).</summary>
    Propagate,

    /// <summary>Sets a header to a fixed value or to a claim of the caller's identity (replacing one of that name).</summary>
    Insert,

    /// <summary>Removes a header set by an earlier rule.</summary>
    Remove,
}

/// <summary>One step of header propagation to subgraphs; rules apply in order.</summary>
public sealed class HeaderRule
{
    /// <summary>Headers that describe one connection or the gateway's own message; never propagated or inserted.</summary>
    public static readonly IReadOnlySet<string> Reserved = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Keep-Alive", "Proxy-Connection", "Proxy-Authenticate", "Proxy-Authorization", "TE", "Trailer",
        "Transfer-Encoding", "Upgrade", "Host", "Content-Length", "Content-Type", "Content-Encoding", "Accept",
        "Accept-Encoding",
    };

    private HeaderRule(HeaderRuleKind kind, string name, string target, string? value, string? claim)
    {
        Kind = kind;
        Name = name;
        Target = target;
        Value = value;
        Claim = claim;
    }

    public HeaderRuleKind Kind { get; }

    /// <summary>The client header read (<see cref="HeaderRuleKind.Propagate"/>) or the header set or removed.</summary>
    public string Name { get; }

    /// <summary>The header written: <see cref="Name"/>, or the new name of a propagated one.</summary>
    public string Target { get; }

    /// <summary>The fixed value of an insert.</summary>
    public string? Value { get; }

    /// <summary>The claim whose value an insert sends (nothing is sent when the caller has no such claim).</summary>
    public string? Claim { get; }

    public static HeaderRule Propagate(string name, string? rename = null) => new(HeaderRuleKind.Propagate, Checked(name), Checked(rename ?? name), null, null);

    public static HeaderRule Insert(string name, string value) => new(HeaderRuleKind.Insert, Checked(name), name, value, null);

    public static HeaderRule InsertClaim(string name, string claim) => new(HeaderRuleKind.Insert, Checked(name), name, null, claim);

    public static HeaderRule Remove(string name) => new(HeaderRuleKind.Remove, name, name, null, null);

    private static string Checked(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (Reserved.Contains(name))
        {
            throw new ArgumentException($"The header '{name}' belongs to the connection or the gateway's own request and is never propagated.", nameof(name));
        }

        return name;
    }
}
