namespace FederatedGateway.Testing.Composition;

/// <summary>One definition that differs, with the canonical lines only the expected side has and those only the actual side has.</summary>
public sealed record SupergraphDifference(string Key, DifferenceKind Kind, IReadOnlyList<string> ExpectedOnly, IReadOnlyList<string> ActualOnly)
{
    /// <summary>One line for tables: the definition and its first differing line on each side.</summary>
    public override string ToString() => Kind switch
    {
        DifferenceKind.Missing => $"{Key}: missing",
        DifferenceKind.Extra => $"{Key}: not expected",
        _ => $"{Key}: expected `{First(ExpectedOnly)}` but was `{First(ActualOnly)}`",
    };

    /// <summary>Several lines: a heading, then <c>- line</c> for the expected side and <c>+ line</c> for the actual side.</summary>
    public string Format()
    {
        var heading = Kind switch
        {
            DifferenceKind.Missing => $"{Key} (missing)",
            DifferenceKind.Extra => $"{Key} (not expected)",
            _ => $"{Key} (changed)",
        };
        return string.Join("\n", ExpectedOnly.Select(l => "  - " + l.TrimStart()).Concat(ActualOnly.Select(l => "  + " + l.TrimStart())).Prepend(heading));
    }

    private static string First(IReadOnlyList<string> lines) => lines.Count == 0 ? "(nothing)" : lines[0].TrimStart();
}
