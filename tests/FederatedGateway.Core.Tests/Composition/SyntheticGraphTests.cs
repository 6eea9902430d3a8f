using FederatedGateway.Core.Composition;
using FederatedGateway.Core.Supergraph;
using FederatedGateway.Testing.Composition;

namespace FederatedGateway.Core.Tests.Composition;

/// <summary>The large synthetic graph composes, and its supergraph loads with every type (timing lives in the benchmarks).</summary>
public sealed class SyntheticGraphTests
{
    [Fact]
    public void Fifty_subgraphs_with_five_thousand_types_compose_and_load()
    {
        var result = SupergraphComposer.Compose(SyntheticSubgraphs.Create(50, 2000, 1500));

        Assert.True(result.Succeeded, string.Join("\n", result.Errors.Take(5)));
        var schema = SupergraphReader.Read(result.SupergraphSdl!);
        Assert.True(schema.Types.Count >= 5000, $"{schema.Types.Count} types");
        // E7: owned by s07, extended by s14 and s26, referenced (resolvable: false) by s06, the owner of E6.
        Assert.Equal(new[] { "s06", "s07", "s14", "s26" }, schema.Types["E7"].Graphs.Keys.Order(StringComparer.Ordinal));
    }
}
