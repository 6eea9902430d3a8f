using System.Diagnostics;
using System.Text;
using FederatedGateway.Core.Operations;
using FederatedGateway.Core.Schema;
using FederatedGateway.Core.Supergraph;

namespace FederatedGateway.Core.Tests.Planning;

/// <summary>
/// Operations built to exhaust the planner get a clear error, not unbounded CPU or memory. The document limits
/// (which refuse all of these first) are off here: the normalizer's and planner's own bounds must hold without them.
/// </summary>
public sealed class PathologicalOperationTests
{
    private static OperationPreparer Preparer(int maxPlanningSteps = 200_000)
    {
        var schema = SupergraphReader.Read(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Goldens", "bench", "supergraph.graphql")));
        return new OperationPreparer(schema, ApiSchemaFactory.Create(schema, ApiSchemaPrinter.Print(schema)), OperationLimits.None, maxPlanningSteps: maxPlanningSteps);
    }

    private static async Task<PrepareResult> Prepare(string query) =>
        await Preparer().PrepareAsync(query, null, default, CancellationToken.None);

    [Fact]
    public async Task DeepNestingIsAParseError()
    {
        var sb = new StringBuilder("{ me ");
        for (var i = 0; i < 2000; i++)
        {
            sb.Append("{ reviews { author ");
        }

        sb.Append("{ id }");
        sb.Append('}', 4001);
        var result = await Prepare(sb.ToString());
        Assert.False(result.IsSuccess);
        Assert.Equal("GRAPHQL_PARSE_FAILED", result.Errors[0].Code);
    }

    [Fact]
    public async Task FragmentBombIsRefused()
    {
        // Each fragment spreads the next one twice: 2^30 selections once inlined.
        var sb = new StringBuilder("{ users { ...F0 } }\n");
        for (var i = 0; i < 30; i++)
        {
            sb.Append($"fragment F{i} on User {{ id reviews {{ author {{ ...F{i + 1} }} }} a{i}: reviews {{ author {{ ...F{i + 1} }} }} }}\n");
        }

        sb.Append("fragment F30 on User { id }\n");
        var result = await Prepare(sb.ToString());
        Assert.False(result.IsSuccess);
        Assert.Contains(result.Errors[0].Code, new[] { "OPERATION_TOO_LARGE", "GRAPHQL_VALIDATION_FAILED" });
    }

    private static string FanOut(int count)
    {
        var sb = new StringBuilder("{");
        for (var i = 0; i < count; i++)
        {
            sb.Append($" u{i}: users {{ id name reviews {{ body product {{ name inStock shippingEstimate }} }} }}");
        }

        return sb.Append(" }").ToString();
    }

    [Fact]
    public async Task HugeFanOutBeyondTheBudgetIsRefused()
    {
        var result = await Preparer(maxPlanningSteps: 5_000).PrepareAsync(FanOut(3000), null, default, CancellationToken.None);
        Assert.False(result.IsSuccess);
        Assert.Equal("QUERY_PLANNING_FAILED", result.Errors[0].Code);
        Assert.Contains("budget", result.Errors[0].Message);
    }

    [Fact]
    public async Task HugeFanOutWithinTheBudgetIsPlannedAndBatched()
    {
        var result = await Prepare(FanOut(3000));
        Assert.True(result.IsSuccess);

        // 3,000 aliases of one path: one root fetch and one request per subgraph and level, not 9,000 fetches.
        var printed = FederatedGateway.Core.Planning.QueryPlanPrinter.Print(result.Operation!.Plan);
        Assert.True(System.Text.RegularExpressions.Regex.Count(printed, "Fetch\\(service") <= 5, printed[..Math.Min(2000, printed.Length)]);
    }

    [Fact]
    public async Task ConcurrentRequestsForOneOperationPlanItOnce()
    {
        var preparer = Preparer();
        const string query = "{ topProducts { name reviews { body } } }";
        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(async () => await preparer.PrepareAsync(query, null, default, CancellationToken.None))));
        Assert.All(results, r => Assert.True(r.IsSuccess));
        Assert.All(results, r => Assert.Same(results[0].Operation, r.Operation));
    }
}
