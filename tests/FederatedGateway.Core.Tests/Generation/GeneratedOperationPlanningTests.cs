using System.Text.Json;
using FederatedGateway.Core.Operations;
using FederatedGateway.Core.Schema;
using FederatedGateway.Core.Supergraph;
using FederatedGateway.Core.Tests.Planning;
using FederatedGateway.Testing.Generation;

namespace FederatedGateway.Core.Tests.Generation;

/// <summary>
/// Thousands of generated operations per graph: every one must plan, and every plan must pass the
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
        var preparer = new OperationPreparer(schema, ApiSchemaFactory.Create(schema, ApiSchemaPrinter.Print(schema)), cache: new OperationCacheOptions { MaxEntries = 100_000 });
        var generator = new OperationGenerator(new ApiModel(schema), seed: 20261128);
        GeneratedOperation? last = null;
        for (var i = 0; i < 2000; i++)
        {
            var operation = last = generator.Next();
            var variables = JsonDocument.Parse(operation.Variables.ToJsonString()).RootElement;
            var result = await preparer.PrepareAsync(operation.Query, null, variables, CancellationToken.None);

            // The shared generator makes only valid operations: a validation error is a generator bug.
            Assert.True(result.IsSuccess, $"{(result.IsSuccess ? "" : result.Errors[0].Code + ": " + result.Errors[0].Message)}\n{operation}");
            try
            {
                PlanSoundness.Check(schema, result.Operation!);
            }
            catch (Exception ex)
            {
                Assert.Fail($"Unsound plan for:\n{operation}\n{ex.Message}\n{result.Operation!.Plan.Printed}");
            }
        }

        output.WriteLine($"{graph}: 2000 planned; last operation:\n{last}");
    }
}
