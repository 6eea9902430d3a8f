using System.Text.Json;
using FederatedGateway.Execution.Cost;
using FederatedGateway.Testing.Graphs;

namespace FederatedGateway.Execution.Tests.Cost;

/// <summary>
/// An operation sent without variables is estimated once and its estimate reused; one sent with variables is
/// estimated with them every time, never given another request's estimate.
/// </summary>
public sealed class SnapshotCostModelTests
{
    private const string Query = "query($n: Int = 2) { products(first: $n) { id } }";

    [Fact]
    public async Task Estimates_with_variables_are_never_taken_from_the_cache_of_those_without()
    {
        var model = new SnapshotCostModel(CostGraph.Calculator());
        using var none = JsonDocument.Parse("{}");
        using var forty = JsonDocument.Parse("""{"n": 40}""");
        var prepared = (await CostGraph.PrepareAsync(Query, none.RootElement)).Operation!;
        var noBooleans = new Dictionary<string, bool>();

        var first = model.Estimate(prepared, none.RootElement, noBooleans);
        var withForty = model.Estimate(prepared, forty.RootElement, noBooleans);
        var again = model.Estimate(prepared, default, noBooleans);

        Assert.Equal(2, first);
        Assert.Equal(40, withForty);
        Assert.Equal(first, again);
        Assert.NotEqual(first, withForty);
    }
}
