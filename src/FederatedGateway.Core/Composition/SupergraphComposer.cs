namespace FederatedGateway.Core.Composition;

/// <summary>Composes Federation v1/v2 subgraph schemas into an Apollo-format supergraph SDL.</summary>
public static class SupergraphComposer
{
    /// <summary>Composes <paramref name="subgraphs"/>; never throws for bad input, reports errors instead.</summary>
    public static CompositionResult Compose(IReadOnlyList<SubgraphSource> subgraphs)
    {
        ArgumentNullException.ThrowIfNull(subgraphs);
        var result = CompositionPipeline.Run(subgraphs);
        return subgraphs.Any(s => s.LineOrigins is not null) ? GeneratedSdlOrigins.Explain(result, subgraphs) : result;
    }
}
