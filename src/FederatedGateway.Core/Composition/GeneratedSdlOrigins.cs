namespace FederatedGateway.Core.Composition;

/// <summary>
/// Points diagnostics about generated SDL at what it was made from: an error located at a line of a subgraph with
/// <see cref="SubgraphSource.LineOrigins"/> gets that origin in its message (the line stays, for the generated text).
/// </summary>
internal static class GeneratedSdlOrigins
{
    public static CompositionResult Explain(CompositionResult result, IReadOnlyList<SubgraphSource> subgraphs)
    {
        var origins = subgraphs.Where(s => s.LineOrigins is not null).ToDictionary(s => s.Name, s => s.LineOrigins!, StringComparer.Ordinal);
        return new CompositionResult(result.SupergraphSdl, result.Errors.Select(Explain).ToList(), result.Hints.Select(Explain).ToList());

        CompositionError Explain(CompositionError error) =>
            error.Subgraph is { } subgraph && error.Line is int line && origins.TryGetValue(subgraph, out var lines)
            && line >= 1 && line <= lines.Count && lines[line - 1] is { } origin
                ? error with { Message = $"{error.Message} (generated from {origin})" }
                : error;
    }
}
