namespace FederatedGateway.Grpc.Translation;

/// <summary>
/// The idiomatic root field name of a read RPC: its verb dropped (<c>GetAccount</c> → <c>account</c>,
/// <c>ListEntries</c> → <c>entries</c>, <c>BatchGetQuotes</c> → <c>quotes</c>, <c>StreamQuotes</c> → <c>quotes</c>).
/// Writes keep their verb: it says what they do (<c>createOrder</c>).
/// </summary>
internal static class IdiomaticNames
{
    private static readonly string[] s_droppedVerbs = ["Get", "List", "Search", "Find", "Lookup", "Fetch", "Read", "Stream", "Watch", "Subscribe"];

    /// <summary>The idiomatic name, or null when the method keeps its own (a write, or nothing left after the verb).</summary>
    public static string? Of(string methodName, RootKind kind)
    {
        if (kind == RootKind.Mutation)
        {
            return null;
        }

        var name = methodName.StartsWith("Batch", StringComparison.Ordinal) && methodName.Length > 5 && char.IsUpper(methodName[5]) ? methodName[5..] : methodName;
        foreach (var verb in s_droppedVerbs)
        {
            if (name.Length > verb.Length && name.StartsWith(verb, StringComparison.Ordinal) && char.IsUpper(name[verb.Length]))
            {
                var rest = GraphQLNames.LowerCamel(name[verb.Length..]);
                return GraphQLNames.IsValid(rest) ? rest : null;
            }
        }

        return null;
    }
}
