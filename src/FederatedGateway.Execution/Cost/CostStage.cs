using System.Runtime.CompilerServices;
using System.Text.Json;
using FederatedGateway.Core.Cost;
using FederatedGateway.Core.Operations;
using FederatedGateway.Execution.Pipeline;

namespace FederatedGateway.Execution.Cost;

/// <summary>
/// Demand control: estimates the operation's cost (<see cref="CostCalculator"/>, from the supergraph's <c>@cost</c>
/// and <c>@listSize</c>) before anything is fetched, refuses estimates over the maximum with
/// <see cref="TooExpensiveCode"/>, leaves the estimate on the context for cost-based rate limits, and on request
/// reports the estimated and actual cost in <c>extensions.cost</c>.
/// </summary>
public sealed class CostStage : IRequestStage
{
    public const string TooExpensiveCode = "COST_ESTIMATED_TOO_EXPENSIVE";
    public const string SlicingCode = "COST_SLICING_ARGUMENT_INVALID";

    /// <summary>The key of the estimate (a boxed double) in <see cref="RequestContext.Items"/>.</summary>
    public static readonly object EstimateKey = new();

    private readonly CostOptions _options;
    private readonly object _calculatorKey = new();

    public CostStage(CostOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
    }

    public int Order => RequestStageOrder.Cost;

    /// <summary>The estimate a request got, when this stage ran.</summary>
    public static double? EstimateOf(RequestContext context) =>
        context.Items.TryGetValue(EstimateKey, out var value) && value is double estimate ? estimate : null;

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    public async ValueTask InvokeAsync(RequestContext context, RequestStageDelegate next)
    {
        var model = context.Snapshot.Derived(_calculatorKey, snapshot =>
            new SnapshotCostModel(new CostCalculator(snapshot.Schema, CostDirectives.Read(snapshot.SupergraphSdl), _options.DefaultListSize)));
        var calculator = model.Calculator;
        var operation = context.Operation!;
        double estimate;
        try
        {
            estimate = model.Estimate(operation, context.Request.Variables, context.Prepared!.BooleanVariables);
        }
        catch (CostException ex)
        {
            context.Reject(RequestError.Of(ex.Message, SlicingCode));
            return;
        }

        context.Items[EstimateKey] = estimate;
        if (_options.Enforce && _options.Max > 0 && estimate > _options.Max)
        {
            context.Reject(new RequestError(
                $"The operation's estimated cost ({estimate:0.##}) is over the gateway's maximum ({_options.Max:0.##}).", TooExpensiveCode, [],
                new Dictionary<string, object?> { ["cost"] = estimate, ["maxCost"] = _options.Max }));
            return;
        }

        await next(context).ConfigureAwait(false);
        if (_options.ExposeToClients && AsksForCost(context.Request.Extensions) && context.Result is { } result)
        {
            context.Result = ResponseExtension.Add(result, "cost", (writer, data) =>
            {
                writer.WriteStartObject();
                writer.WriteNumber("estimated", estimate);
                writer.WriteNumber("actual", calculator.Actual(operation, data, context.Request.Variables, context.Prepared.BooleanVariables));
                if (_options.Max > 0)
                {
                    writer.WriteNumber("max", _options.Max);
                }

                writer.WriteEndObject();
            });
        }
    }

    private static bool AsksForCost(JsonElement extensions) =>
        extensions.ValueKind == JsonValueKind.Object && extensions.TryGetProperty("cost"u8, out var cost) && cost.ValueKind == JsonValueKind.True;
}
