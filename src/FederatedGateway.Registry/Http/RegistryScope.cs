namespace FederatedGateway.Registry.Http;

/// <summary>
/// What a token may do: <c>admin</c> (everything, rollbacks and the audit log included), <c>publish:&lt;target&gt;</c>
/// (publish, delete and check subgraphs, and read) or <c>read:&lt;target&gt;</c> (fetch supergraphs and history, run
/// checks), where the target is <c>graph@variant</c>, <c>graph@*</c> or <c>*</c>.
/// </summary>
internal sealed record RegistryScope(string Kind, string? Graph, string? Variant)
{
    public static RegistryScope? Parse(string text)
    {
        if (text == "admin")
        {
            return new RegistryScope("admin", null, null);
        }

        var colon = text.IndexOf(':');
        if (colon < 0 || text[..colon] is not ("read" or "publish"))
        {
            return null;
        }

        var target = text[(colon + 1)..];
        if (target == "*")
        {
            return new RegistryScope(text[..colon], null, null);
        }

        var at = target.IndexOf('@');
        if (at < 0 || !GraphRef.IsName(target[..at]) || (target[(at + 1)..] != "*" && !GraphRef.IsName(target[(at + 1)..])))
        {
            return null;
        }

        return new RegistryScope(text[..colon], target[..at], target[(at + 1)..] == "*" ? null : target[(at + 1)..]);
    }

    /// <summary>Whether this scope allows <paramref name="needed"/> (<c>read</c>, <c>publish</c> or <c>admin</c>) on <paramref name="graph"/>.</summary>
    public bool Allows(string needed, GraphRef graph)
    {
        if (Kind == "admin")
        {
            return true;
        }

        var kindOk = Kind == needed || (Kind == "publish" && needed == "read");
        return kindOk && (Graph is null || Graph == graph.Graph) && (Variant is null || Variant == graph.Variant);
    }
}
