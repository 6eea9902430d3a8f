namespace FederatedGateway.Testing.Composition;

/// <summary>
/// Compares two supergraphs in canonical form (<see cref="SupergraphNormalizer"/>) definition by definition, so a
/// difference is reported where it is (a missing type, an extra field, a changed directive) instead of as the first
/// of many shifted lines.
/// </summary>
public static class SupergraphDiff
{
    /// <summary>The differences between <paramref name="expected"/> and <paramref name="actual"/>, in key order, at most <paramref name="maxDifferences"/>.</summary>
    /// <exception cref="GraphQLParser.Exceptions.GraphQLSyntaxErrorException">Either SDL does not parse.</exception>
    public static IReadOnlyList<SupergraphDifference> Compare(string expected, string actual, int maxDifferences = int.MaxValue)
    {
        var left = ByKey(SupergraphNormalizer.Definitions(expected));
        var right = ByKey(SupergraphNormalizer.Definitions(actual));
        var differences = new List<SupergraphDifference>();
        foreach (var key in left.Keys.Union(right.Keys).OrderBy(k => k, StringComparer.Ordinal))
        {
            if (differences.Count >= maxDifferences)
            {
                break;
            }

            var expectedLines = left.GetValueOrDefault(key) ?? new List<string>();
            var actualLines = right.GetValueOrDefault(key) ?? new List<string>();
            var missing = Without(expectedLines, actualLines);
            var extra = Without(actualLines, expectedLines);
            if (missing.Count == 0 && extra.Count == 0)
            {
                continue;
            }

            var kind = expectedLines.Count == 0 ? DifferenceKind.Extra : actualLines.Count == 0 ? DifferenceKind.Missing : DifferenceKind.Changed;
            differences.Add(new SupergraphDifference(key, kind, missing, extra));
        }

        return differences;
    }

    /// <summary>A readable report: each difference with its <c>-</c> (expected only) and <c>+</c> (actual only) lines.</summary>
    public static string Format(IEnumerable<SupergraphDifference> differences) =>
        string.Join("\n", differences.Select(d => d.Format()));

    private static Dictionary<string, List<string>> ByKey(IEnumerable<CanonicalDefinition> definitions)
    {
        var byKey = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var definition in definitions)
        {
            if (!byKey.TryGetValue(definition.Key, out var lines))
            {
                byKey[definition.Key] = lines = new List<string>();
            }

            lines.AddRange(definition.Text.Split('\n'));
        }

        return byKey;
    }

    /// <summary>The lines of <paramref name="from"/> not matched one for one in <paramref name="other"/> (multiset difference, order kept).</summary>
    private static List<string> Without(List<string> from, List<string> other)
    {
        var counts = other.GroupBy(l => l, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var result = new List<string>();
        foreach (var line in from)
        {
            if (counts.TryGetValue(line, out var count) && count > 0)
            {
                counts[line] = count - 1;
            }
            else
            {
                result.Add(line);
            }
        }

        return result;
    }
}
