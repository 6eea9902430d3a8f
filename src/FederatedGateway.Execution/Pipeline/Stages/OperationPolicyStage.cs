using FederatedGateway.Core.Operations;
using FederatedGateway.Execution.Requests;

namespace FederatedGateway.Execution.Pipeline.Stages;

/// <summary>
/// Refuses what the prepared operation may not do on this gateway and this transport: introspection when it is off
/// (<see cref="IntrospectionDisabledCode"/>; <c>__typename</c> always works), a mutation (or, for one response, a
/// subscription) over HTTP GET (405), a subscription where only one response can be given.
/// </summary>
public sealed class OperationPolicyStage : IRequestStage
{
    /// <summary>The <c>extensions.code</c> of an operation refused because it selects introspection while that is off.</summary>
    public const string IntrospectionDisabledCode = "INTROSPECTION_DISABLED";

    private readonly bool _allowIntrospection;

    public OperationPolicyStage(bool allowIntrospection)
    {
        _allowIntrospection = allowIntrospection;
    }

    public int Order => RequestStageOrder.OperationPolicy;

    public ValueTask InvokeAsync(RequestContext context, RequestStageDelegate next)
    {
        var operation = context.Operation!;
        if (operation.HasIntrospection && !_allowIntrospection)
        {
            context.Reject(RequestError.Of("Introspection is disabled on this gateway (Gateway:Introspection).", IntrospectionDisabledCode));
            return ValueTask.CompletedTask;
        }

        var streamed = context.Mode == RequestMode.Stream;
        if (context.Request.IsGet && (operation.Kind == OperationKind.Mutation || (operation.Kind == OperationKind.Subscription && !streamed)))
        {
            context.Reject(
                RequestError.Of($"A {operation.Kind.ToString().ToLowerInvariant()} cannot run over HTTP GET; use POST.", "METHOD_NOT_ALLOWED"),
                GatewayResultKind.MethodNotAllowed);
            return ValueTask.CompletedTask;
        }

        if (operation.Kind == OperationKind.Subscription && !streamed)
        {
            context.Reject(RequestError.Of(
                "Subscriptions are not served over a single HTTP response: subscribe over WebSocket (graphql-transport-ws) or Server-Sent Events (Accept: text/event-stream).",
                "SUBSCRIPTIONS_NOT_SUPPORTED"));
            return ValueTask.CompletedTask;
        }

        return next(context);
    }
}
