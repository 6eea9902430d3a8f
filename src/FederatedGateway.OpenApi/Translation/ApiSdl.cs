using System.Text;
using FederatedGateway.Core.Text;

namespace FederatedGateway.OpenApi.Translation;

/// <summary>The parts of a translated service's subgraph SDL that every translation writes the same way.</summary>
internal static class ApiSdl
{
    /// <summary><paramref name="name"/>, or with a number added when taken.</summary>
    public static string Unique(HashSet<string> taken, string name)
    {
        var unique = name;
        for (var i = 2; !taken.Add(unique); i++)
        {
            unique = name + i;
        }

        return unique;
    }

    /// <summary>
    /// The root an operation's field goes to: the config's <c>kind</c> (found by the field's name or the operation's
    /// own), else Query when <paramref name="readsByDefault"/> and Mutation otherwise; null when the config skips it.
    /// The option found is marked in <paramref name="used"/>.
    /// </summary>
    public static string? RootOf(ApiTranslationOptions options, string field, string? ownName, bool readsByDefault, HashSet<string> used)
    {
        var kind = OperationKind.ByMethod;
        if (options.Operations.TryGetValue(field, out var chosen) || (ownName is not null && options.Operations.TryGetValue(ownName, out chosen)))
        {
            used.Add(options.Operations.ContainsKey(field) ? field : ownName!);
            kind = chosen.Kind;
        }

        return kind switch
        {
            OperationKind.Skip => null,
            OperationKind.Query => "Query",
            OperationKind.Mutation => "Mutation",
            _ => readsByDefault ? "Query" : "Mutation",
        };
    }

    /// <summary>Every operation the config names must be one the document has.</summary>
    /// <param name="fields">The root fields made, as <c>Query.name</c>.</param>
    public static void CheckOperationsUsed(ApiTranslationOptions options, HashSet<string> used, IEnumerable<string> fields, string origin)
    {
        foreach (var (name, unused) in options.Operations.Where(o => !used.Contains(o.Key)))
        {
            throw new OpenApiSourceException($"{unused.Place}: operation \"{name}\" is not in {origin}{Suggestions.DidYouMean(name, fields.Select(k => k[(k.IndexOf('.', StringComparison.Ordinal) + 1)..]))}.");
        }
    }

    /// <summary>The whole SDL: the federation link (importing <c>@key</c> when there are entities), the root types, then the types.</summary>
    public static string Assemble(Dictionary<string, StringBuilder> roots, bool hasEntities, Action<StringBuilder> printTypes)
    {
        if (roots["Query"].Length == 0)
        {
            // A subgraph needs a query type; a service of writes only gets one field telling so.
            roots["Query"].Append("  \"This source has only mutations.\"\n  _onlyMutations: Boolean\n");
        }

        var sdl = new StringBuilder("extend schema @link(url: \"https://specs.apollo.dev/federation/v2.3\", import: [")
            .Append(hasEntities ? "\"@key\"" : "").Append("])\n");
        foreach (var (root, fields) in roots)
        {
            if (fields.Length > 0)
            {
                sdl.Append("\ntype ").Append(root).Append(" {\n").Append(fields).Append("}\n");
            }
        }

        printTypes(sdl);
        return sdl.ToString();
    }
}
