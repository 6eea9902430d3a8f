namespace FederatedGateway.Core.Planning;

/// <summary>
/// Aliases the planner adds to subgraph documents when two fragments would give one response name different
/// types (invalid GraphQL). They read <c>&lt;responseName&gt;__fgw_&lt;suffix&gt;</c>; the executor maps them back.
/// </summary>
public static class InternalAlias
{
    public const string Marker = "__fgw_";

    public static string For(string responseKey, string signature)
    {
        var suffix = new System.Text.StringBuilder(signature.Length);
        foreach (var c in signature)
        {
            suffix.Append(c switch
            {
                '!' => 'N',
                '[' => 'L',
                ']' => '_',
                _ when char.IsAsciiLetterOrDigit(c) || c == '_' => c,
                _ => '_',
            });
        }

        return responseKey + Marker + suffix;
    }

    /// <summary>The client's response name for a key of a subgraph answer.</summary>
    public static string ResponseKey(string key)
    {
        var index = key.IndexOf(Marker, StringComparison.Ordinal);
        return index > 0 ? key[..index] : key;
    }
}
