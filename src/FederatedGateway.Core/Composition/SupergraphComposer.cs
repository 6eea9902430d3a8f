using FederatedGateway.Core.Composition.Merging;
using FederatedGateway.Core.Composition.Printing;
using FederatedGateway.Core.Composition.Subgraphs;
using FederatedGateway.Core.Composition.Validation;

namespace FederatedGateway.Core.Composition;

/// <summary>Composes Federation v1/v2 subgraph schemas into an Apollo-format supergraph SDL.</summary>
public static class SupergraphComposer
{
    /// <summary>Composes <paramref name="subgraphs"/>; never throws for bad input, reports errors instead.</summary>
    public static CompositionResult Compose(IReadOnlyList<SubgraphSource> subgraphs)
    {
        ArgumentNullException.ThrowIfNull(subgraphs);
        var errors = new List<CompositionError>();
        var hints = new List<CompositionError>();
        if (!CheckNames(subgraphs, errors))
        {
            return new CompositionResult(null, errors, hints);
        }

        var schemas = new List<SubgraphSchema>();
        foreach (var source in subgraphs.OrderBy(s => s.Name, StringComparer.Ordinal))
        {
            var schema = SubgraphReader.Read(source, errors);
            if (schema is not null)
            {
                schemas.Add(schema);
            }
        }

        if (errors.Count > 0)
        {
            return new CompositionResult(null, errors, hints);
        }

        AssignGraphEnumValues(schemas);
        foreach (var schema in schemas)
        {
            SubgraphValidator.Validate(schema, errors);
        }

        if (errors.Count > 0)
        {
            return new CompositionResult(null, errors, hints);
        }

        var merged = SchemaMerger.Merge(schemas, errors, hints);
        if (errors.Count == 0)
        {
            SupergraphValidator.Validate(merged, errors, hints);
        }

        if (errors.Count > 0)
        {
            return new CompositionResult(null, errors, hints);
        }

        return new CompositionResult(SupergraphPrinter.Print(merged), errors, hints);
    }

    private static bool CheckNames(IReadOnlyList<SubgraphSource> subgraphs, List<CompositionError> errors)
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
    private static void AssignGraphEnumValues(List<SubgraphSchema> schemas)
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
