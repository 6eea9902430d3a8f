namespace FederatedGateway.Core.Composition.Subgraphs;

/// <summary>Subgraph names: present, distinct, and turned into distinct <c>join__Graph</c> enum values.</summary>
internal static class SubgraphNames
{
    public static bool Check(IReadOnlyList<SubgraphSource> subgraphs, List<CompositionError> errors)
    {
        if (subgraphs.Count == 0)
        {
            errors.Add(new CompositionError(ErrorCodes.NoSubgraphs, "There are no subgraphs to compose.", Hint: "List at least one subgraph."));
            return false;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var subgraph in subgraphs)
        {
            if (string.IsNullOrWhiteSpace(subgraph.Name) || subgraph.Name == "_")
            {
                errors.Add(new CompositionError(ErrorCodes.InvalidSubgraphName, $"Invalid subgraph name \"{subgraph.Name}\": a subgraph needs a non-empty name other than \"_\".", subgraph.Name, Hint: "Name the subgraph, e.g. \"accounts\"."));
            }
            else if (!seen.Add(subgraph.Name))
            {
                errors.Add(new CompositionError(ErrorCodes.DuplicateSubgraphName, $"Subgraph name \"{subgraph.Name}\" is used more than once.", subgraph.Name, Hint: "Give every subgraph a distinct name."));
            }
        }

        return errors.Count == 0;
    }

    /// <summary>Upper-cases the names into enum values (<c>accounts-v2</c> → <c>ACCOUNTS_V2</c>), keeping them distinct.</summary>
    public static void AssignGraphEnumValues(List<SubgraphSchema> schemas)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var schema in schemas)
        {
            var chars = schema.Name.ToUpperInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').ToArray();
            var value = new string(chars);
            if (char.IsAsciiDigit(value[0]))
            {
                value = "_" + value;
            }

            var candidate = value;
            for (var i = 1; !used.Add(candidate); i++)
            {
                candidate = $"{value}_{i}";
            }

            schema.GraphEnumValue = candidate;
        }
    }
}
