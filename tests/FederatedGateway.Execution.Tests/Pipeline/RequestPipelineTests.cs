using System.Security.Claims;
using System.Text.Json;
using FederatedGateway.Core.Operations;
using FederatedGateway.Execution.Gateway;
using FederatedGateway.Execution.Pipeline;
using FederatedGateway.Execution.Requests;
using static FederatedGateway.Execution.Tests.TestGraph;

namespace FederatedGateway.Execution.Tests.Pipeline;

/// <summary>
/// The request path: the gateway's stages run in their places, a stage added by the host runs at its order with the
/// request's context, a stage that answers ends the request before anything is fetched, and a request no stage
/// answers gets an error.
/// </summary>
public sealed class RequestPipelineTests
{
    private const string DogAnswer = """{"data":{"dog":{"name":"Rex"}}}""";

    /// <summary>Records where it ran and what it saw; answers the request when told to.</summary>
    private sealed class ProbeStage(int order, List<string> log, RequestError? refusal = null) : IRequestStage
    {
        public int Order => order;

        public ValueTask InvokeAsync(RequestContext context, RequestStageDelegate next)
        {
            log.Add($"{order}: prepared={context.Operation is not null}, deadline={context.Deadline.CanBeCanceled}, user={context.User?.Identity?.Name}");
            if (refusal is not null)
            {
                context.Reject(refusal);
                return ValueTask.CompletedTask;
            }

            context.User ??= new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "probe")], "test"));
            return next(context);
        }
    }

    [Fact]
    public void TheGatewaysStagesRunInTheirPlaces()
    {
        var gateway = new FederatedGatewayExecutor(GatewaySnapshot.Build(Sdl, new FakeSubgraphs()));
        var orders = gateway.Pipeline.Stages.Select(stage => stage.Order).ToArray();
        Assert.Equal(orders.Order().ToArray(), orders);
        Assert.Equal(
            ["DeadlineStage", "IdentityStage", "PrepareStage", "OperationPolicyStage", "SubscriptionStage", "ExecuteStage"],
            gateway.Pipeline.Stages.Select(stage => stage.GetType().Name));
    }

    [Fact]
    public async Task AddedStagesRunAtTheirOrderWithTheRequestsContext()
    {
        var log = new List<string>();
        var subgraphs = new FakeSubgraphs().On("a", DogAnswer);
        var gateway = new FederatedGatewayExecutor(GatewaySnapshot.Build(Sdl, subgraphs))
        {
            AdditionalStages = [new ProbeStage(RequestStageOrder.Authorize, log), new ProbeStage(RequestStageOrder.Identity, log)],
        };

        using var result = await gateway.ExecuteAsync(new GatewayRequest { Query = "{ dog { name } }" }, CancellationToken.None);

        Assert.Equal(GatewayResultKind.Executed, result.Kind);
        Assert.Equal(
            [
                $"{RequestStageOrder.Identity}: prepared=False, deadline=True, user=",
                $"{RequestStageOrder.Authorize}: prepared=True, deadline=True, user=probe",
            ],
            log);
        using var body = JsonDocument.Parse(result.Body);
        Assert.Equal("""{"dog":{"name":"Rex"}}""", Data(body.RootElement));
    }

    [Fact]
    public async Task AStageThatAnswersEndsTheRequestBeforeAnythingIsFetched()
    {
        var log = new List<string>();
        var subgraphs = new FakeSubgraphs().On("a", DogAnswer);
        var gateway = new FederatedGatewayExecutor(GatewaySnapshot.Build(Sdl, subgraphs))
        {
            AdditionalStages = [new ProbeStage(RequestStageOrder.Authorize, log, RequestError.Of("Not for you.", "FORBIDDEN"))],
        };

        using var result = await gateway.ExecuteAsync(new GatewayRequest { Query = "{ dog { name } }" }, CancellationToken.None);

        Assert.Equal(GatewayResultKind.RequestError, result.Kind);
        using var body = JsonDocument.Parse(result.Body);
        Assert.Equal("FORBIDDEN", Code(Assert.Single(Errors(body.RootElement))));
        Assert.Empty(subgraphs.Requests);
    }

    [Fact]
    public async Task ARequestNoStageAnswersGetsAnError()
    {
        var pipeline = new RequestPipeline([]);
        var context = new RequestContext(new GatewayRequest { Query = "{ dog { name } }" }, GatewaySnapshot.Build(Sdl, new FakeSubgraphs()), RequestMode.Single, CancellationToken.None);

        await pipeline.InvokeAsync(context);

        using var body = JsonDocument.Parse(context.Result!.Body);
        Assert.Equal("INTERNAL_SERVER_ERROR", Code(Assert.Single(Errors(body.RootElement))));
    }

    [Fact]
    public async Task StagesOfEqualOrderRunInRegistrationOrder()
    {
        var log = new List<string>();
        var first = new ProbeStage(RequestStageOrder.Cost, log);
        var second = new ProbeStage(RequestStageOrder.Cost, log, RequestError.Of("Too expensive.", "COST_LIMIT"));
        var gateway = new FederatedGatewayExecutor(GatewaySnapshot.Build(Sdl, new FakeSubgraphs().On("a", DogAnswer))) { AdditionalStages = [first, second] };

        using var result = await gateway.ExecuteAsync(new GatewayRequest { Query = "{ dog { name } }" }, CancellationToken.None);

        Assert.Equal(2, log.Count);
        using var body = JsonDocument.Parse(result.Body);
        Assert.Equal("COST_LIMIT", Code(Assert.Single(Errors(body.RootElement))));
    }
}
