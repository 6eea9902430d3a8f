using System.Buffers;
using System.Text.Json;
using FederatedGateway.Execution.Execution;
using static FederatedGateway.Execution.Tests.TestGraph;

namespace FederatedGateway.Execution.Tests;

/// <summary>A response carries at most MaxErrors errors, then one TOO_MANY_ERRORS error in place of the rest.</summary>
public sealed class ErrorCapTests
{
    private static string SubgraphAnswerWithErrors(int count) =>
        """{"data":{"dog":{"name":"Rex","weight":null}},"errors":[""" +
        string.Join(",", Enumerable.Range(0, count).Select(i => $$"""{"message":"e{{i}}"}""")) + "]}";

    private static async Task<JsonElement[]> ErrorsOf(int subgraphErrors, int maxErrors)
    {
        var fake = new FakeSubgraphs().On("a", SubgraphAnswerWithErrors(subgraphErrors));
        var executor = new OperationExecutor(Schema, new SubgraphRegistry(Schema, fake)) { MaxErrors = maxErrors };
        var output = new ArrayBufferWriter<byte>();
        using var variables = JsonDocument.Parse("{}");
        await executor.ExecuteAsync(new ExecutionInput { Operation = Prepare("{ dog { name weight } }", Root("a", "{dog{name weight}}")), Variables = variables.RootElement, Booleans = new Dictionary<string, bool>() }, output);
        using var response = JsonDocument.Parse(output.WrittenMemory);
        return Errors(response.RootElement.Clone());
    }

    [Fact]
    public async Task ErrorsBeyondTheLimitAreReplacedByOneSummary()
    {
        var errors = await ErrorsOf(subgraphErrors: 10, maxErrors: 3);
        Assert.Equal(4, errors.Length);
        Assert.Equal(new[] { "e0", "e1", "e2" }, errors.Take(3).Select(e => e.GetProperty("message").GetString()));
        Assert.Equal("TOO_MANY_ERRORS", Code(errors[3]));
    }

    [Fact]
    public async Task ErrorsUpToTheLimitAreAllWritten()
    {
        Assert.Equal(3, (await ErrorsOf(subgraphErrors: 3, maxErrors: 3)).Length);
        Assert.Equal(10, (await ErrorsOf(subgraphErrors: 10, maxErrors: 0)).Length);
    }
}
