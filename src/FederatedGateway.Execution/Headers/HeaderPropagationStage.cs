using FederatedGateway.Execution.Pipeline;

namespace FederatedGateway.Execution.Headers;

/// <summary>Works out, once the caller is known, the headers each subgraph gets (<see cref="RequestContext.SubgraphHeaders"/>).</summary>
public sealed class HeaderPropagationStage : IRequestStage
{
    private readonly HeaderPolicy _policy;

    public HeaderPropagationStage(HeaderPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        _policy = policy;
    }

    public int Order => RequestStageOrder.Headers;

    public ValueTask InvokeAsync(RequestContext context, RequestStageDelegate next)
    {
        context.SubgraphHeaders = _policy.Apply(context.Request.ForwardHeaders, context.User);
        return next(context);
    }
}
