namespace FederatedGateway.Execution.Pipeline;

/// <summary>
/// The request path: the stages sorted by <see cref="IRequestStage.Order"/> (stable), composed once into one delegate.
/// A request that no stage answers ends with an error, never silently.
/// </summary>
public sealed class RequestPipeline
{
    private readonly RequestStageDelegate _entry;

    public RequestPipeline(IEnumerable<IRequestStage> stages)
    {
        ArgumentNullException.ThrowIfNull(stages);
        Stages = stages.Select((stage, index) => (stage, index)).OrderBy(s => s.stage.Order).ThenBy(s => s.index).Select(s => s.stage).ToArray();
        RequestStageDelegate next = Unanswered;
        for (var i = Stages.Count - 1; i >= 0; i--)
        {
            var stage = Stages[i];
            var following = next;
            next = context => stage.InvokeAsync(context, following);
        }

        _entry = next;
    }

    /// <summary>The stages in the order they run.</summary>
    public IReadOnlyList<IRequestStage> Stages { get; }

    /// <summary>Runs the request through every stage (until one answers it).</summary>
    public ValueTask InvokeAsync(RequestContext context) => _entry(context);

    private static ValueTask Unanswered(RequestContext context)
    {
        if (!context.IsAnswered)
        {
            context.Reject(Core.Operations.RequestError.Of("No stage of the request pipeline answered the request.", "INTERNAL_SERVER_ERROR"));
        }

        return ValueTask.CompletedTask;
    }
}
