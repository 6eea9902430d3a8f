using FederatedGateway.Core.Operations;
using FederatedGateway.Core.Schema;
using FederatedGateway.Core.Supergraph;
using FederatedGateway.Core.Tests.Planning;

namespace FederatedGateway.Core.Tests.Generation;

/// <summary>
/// Thousands of generated operations per graph: every valid one must plan, and every plan must pass the
/// soundness check. Catches planner crashes and unsound plans on shapes nobody wrote a golden for.
/// </summary>
public sealed class GeneratedOperationPlanningTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [Theory]
    [InlineData("bench")]
    [InlineData("shop")]
    [InlineData("demo")]
    public async Task GeneratedOperationsPlanSoundly(string graph)
    {
        var schema = SupergraphReader.Read(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Goldens", graph, "supergraph.graphql")));
        var preparer = new OperationPreparer(schema, ApiSchemaFactory.Create(schema, ApiSchemaPrinter.Print(schema)), maxCacheEntries: 100_000);
        var generator = new OperationGenerator(schema, seed: 20261128);
        var planned = 0;
        var invalid = new List<string>();
        for (var i = 0; i < 2000; i++)
        {
            var query = generator.Next();
            var result = await preparer.PrepareAsync(query, null, default, CancellationToken.None);
            if (!result.IsSuccess)
            {
                Assert.True(result.Errors[0].Code == "GRAPHQL_VALIDATION_FAILED", $"{result.Errors[0].Code}: {result.Errors[0].Message}\n{query}");
                invalid.Add(result.Errors[0].Message);
                continue;
            }

            try
            {
                PlanSoundness.Check(schema, result.Operation!);
            }
            catch (Exception ex)
            {
                Assert.Fail($"Unsound plan for:\n{query}\n{ex.Message}\n{result.Operation!.Plan.Printed}");
            }

            planned++;
        }

        output.WriteLine($"{graph}: {planned} planned, {invalid.Count} invalid; last operation:\n{generator.Next()}");

        // The generator aims at valid operations; a few may trip validation (e.g. a fragment on a type the
        // enclosing field can never return), but most must get through to the planner.
        Assert.True(planned >= 1800, $"only {planned} of 2000 generated operations were valid; first problems: {string.Join(" | ", invalid.Take(3))}");
    }
}
