using System.Buffers;
using System.Text.Json;
using FederatedGateway.Execution.Execution;
using FederatedGateway.Execution.Gateway;
using FederatedGateway.Execution.Requests;
using static FederatedGateway.Execution.Tests.TestGraph;

namespace FederatedGateway.Execution.Tests;

/// <summary>
/// The whole-request deadline: fetches it cuts short, and those that would start after it, are null with
/// REQUEST_TIMEOUT at their path; the data fetched before is returned; the caller leaving is still thrown.
/// </summary>
public sealed class DeadlineTests
{
    /// <summary>A bound for awaits that must finish; only a broken deadline gets near it.</summary>
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    private const string DogAnswer = """{"data":{"dog":{"__typename":"Dog","id":"1","name":"Rex"}}}""";

    private static readonly Core.Planning.Nodes.PlanNode DogThenOwner = Sequence(
        Root("a", "{dog{__typename id name}}"),
        Flatten(Entities("b", "...on Dog{owner}", Requirement("Dog", "id")), "dog"));

    [Fact]
    public async Task A_fetch_cut_short_by_the_deadline_is_null_with_REQUEST_TIMEOUT_and_the_rest_is_returned()
    {
        var subgraphs = new StallingSubgraphs(new FakeSubgraphs().On("a", DogAnswer), "b");
        using var deadline = new CancellationTokenSource();

        var running = Execute("{ dog { name owner } }", DogThenOwner, subgraphs, CancellationToken.None, deadline.Token);
        await subgraphs.Stalled.WaitAsync(Bound);
        await deadline.CancelAsync();
        var response = await running.WaitAsync(Bound);

        Assert.Equal("""{"dog":{"name":"Rex","owner":null}}""", Data(response));
        var error = Assert.Single(Errors(response));
        Assert.Equal("REQUEST_TIMEOUT", Code(error));
        Assert.Equal("""["dog"]""", Path(error));
        Assert.Equal("b", error.GetProperty("extensions").GetProperty("serviceName").GetString());
        Assert.Equal(1, subgraphs.Cancelled);
    }

    [Fact]
    public async Task Fetches_that_would_start_after_the_deadline_are_not_sent()
    {
        var subgraphs = new StallingSubgraphs(new FakeSubgraphs().On("b", """{"data":{"count":3}}"""), "a");
        using var deadline = new CancellationTokenSource();
        var plan = Sequence(Root("a", "{dog{name}}"), Root("b", "{count}"));

        var running = Execute("{ dog { name } count }", plan, subgraphs, CancellationToken.None, deadline.Token);
        await subgraphs.Stalled.WaitAsync(Bound);
        await deadline.CancelAsync();
        var response = await running.WaitAsync(Bound);

        Assert.Equal("""{"dog":null,"count":null}""", Data(response));
        Assert.Equal(["REQUEST_TIMEOUT", "REQUEST_TIMEOUT"], Errors(response).Select(Code));
        Assert.Equal(["a"], subgraphs.Sent);
    }

    [Fact]
    public async Task The_caller_leaving_is_thrown_not_answered()
    {
        var subgraphs = new StallingSubgraphs(new FakeSubgraphs().On("a", DogAnswer), "b");
        using var caller = new CancellationTokenSource();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(caller.Token);

        var running = Execute("{ dog { name owner } }", DogThenOwner, subgraphs, caller.Token, deadline.Token);
        await subgraphs.Stalled.WaitAsync(Bound);
        await caller.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running.WaitAsync(Bound));
    }

    [Fact]
    public async Task The_gateway_answers_a_request_whose_subgraph_hangs_once_RequestTimeout_has_passed()
    {
        var subgraphs = new StallingSubgraphs(new FakeSubgraphs().On("a", DogAnswer), "b");
        var gateway = new FederatedGatewayExecutor(GatewaySnapshot.Build(Sdl, subgraphs)) { RequestTimeout = TimeSpan.FromMilliseconds(200) };

        using var result = await gateway.ExecuteAsync(new GatewayRequest { Query = "{ dog { name owner } }" }, CancellationToken.None).AsTask().WaitAsync(Bound);

        Assert.Equal(GatewayResultKind.Executed, result.Kind);
        using var response = JsonDocument.Parse(result.Body);
        Assert.Equal("""{"dog":{"name":"Rex","owner":null}}""", Data(response.RootElement));
        Assert.Equal("REQUEST_TIMEOUT", Code(Assert.Single(Errors(response.RootElement))));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public async Task A_RequestTimeout_of_zero_or_infinite_sets_no_deadline(int milliseconds)
    {
        var subgraphs = new StallingSubgraphs(new FakeSubgraphs().On("a", DogAnswer), "b");
        var gateway = new FederatedGatewayExecutor(GatewaySnapshot.Build(Sdl, subgraphs)) { RequestTimeout = TimeSpan.FromMilliseconds(milliseconds) };
        using var caller = new CancellationTokenSource();

        var running = gateway.ExecuteAsync(new GatewayRequest { Query = "{ dog { name owner } }" }, caller.Token).AsTask();
        await subgraphs.Stalled.WaitAsync(Bound);

        // Nothing but the caller ends it: still waiting, then thrown when the caller leaves.
        Assert.False(running.IsCompleted);
        await caller.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running.WaitAsync(Bound));
    }

    private static async Task<JsonElement> Execute(string query, Core.Planning.Nodes.PlanNode plan, StallingSubgraphs subgraphs, CancellationToken caller, CancellationToken deadline)
    {
        var executor = new OperationExecutor(Schema, new SubgraphRegistry(Schema, subgraphs));
        var output = new ArrayBufferWriter<byte>();
        await executor.ExecuteAsync(new ExecutionInput { Operation = Prepare(query, plan), Booleans = new Dictionary<string, bool>(), Aborted = caller, Deadline = deadline }, output);
        using var response = JsonDocument.Parse(output.WrittenMemory);
        return response.RootElement.Clone();
    }
}
