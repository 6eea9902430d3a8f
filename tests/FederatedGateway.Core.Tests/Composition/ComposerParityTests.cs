using FederatedGateway.Core.Composition;
using FederatedGateway.Core.Supergraph;
using FederatedGateway.Testing.Composition;

namespace FederatedGateway.Core.Tests.Composition;

/// <summary>
/// Our composition of our own test graphs equals Apollo's (<c>apollo.supergraph.graphql</c>, produced once with
/// @apollo/composition outside the repository) up to order, and our gateway can load it.
/// </summary>
public sealed class ComposerParityTests
{
    [Theory]
    [InlineData("features")]
    [InlineData("legacy")]
    [InlineData("migration")]
    public void Composes_like_apollo(string graph)
    {
        var result = SupergraphComposer.Compose(LoadGraph(graph));

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        var expected = File.ReadAllText(Path.Combine(GraphDirectory(graph), "apollo.supergraph.graphql"));
        Assert.Equal(SupergraphNormalizer.Normalize(expected), SupergraphNormalizer.Normalize(result.SupergraphSdl!));
        Assert.NotNull(SupergraphReader.Read(result.SupergraphSdl!));
    }

    [Fact]
    public void Progressive_override_uses_join_v04_and_plain_graphs_join_v03()
    {
        Assert.Contains("https://specs.apollo.dev/join/v0.4", SupergraphComposer.Compose(LoadGraph("migration")).SupergraphSdl, StringComparison.Ordinal);
        Assert.Contains("https://specs.apollo.dev/join/v0.3", SupergraphComposer.Compose(LoadGraph("legacy")).SupergraphSdl, StringComparison.Ordinal);
    }

    [Fact]
    public void Subgraph_order_does_not_change_the_supergraph()
    {
        var subgraphs = LoadGraph("features");
        var reversed = subgraphs.AsEnumerable().Reverse().ToList();

        Assert.Equal(SupergraphComposer.Compose(subgraphs).SupergraphSdl, SupergraphComposer.Compose(reversed).SupergraphSdl);
    }

    internal static List<SubgraphSource> LoadGraph(string graph) =>
        Directory.GetFiles(GraphDirectory(graph), "*.graphql")
            .Where(f => !f.EndsWith("supergraph.graphql", StringComparison.Ordinal))
            .OrderBy(f => f, StringComparer.Ordinal)
            .Select(f => Path.GetFileNameWithoutExtension(f))
            .Select(name => new SubgraphSource(name, $"http://127.0.0.1:4000/{name}", File.ReadAllText(Path.Combine(GraphDirectory(graph), name + ".graphql"))))
            .ToList();

    private static string GraphDirectory(string graph) => Path.Combine(AppContext.BaseDirectory, "Composition", "Graphs", graph);
}
