namespace FederatedGateway.Execution.Pipeline;

/// <summary>Runs the rest of the pipeline for a request.</summary>
public delegate ValueTask RequestStageDelegate(RequestContext context);

/// <summary>
/// One step of the request path, in the manner of ASP.NET Core middleware: it does its part, then calls
/// <c>next</c> to go on, or answers the request (<see cref="RequestContext.Reject(Core.Operations.RequestError, Requests.GatewayResultKind)"/>)
/// and returns without calling it. Stages are singletons shared by all requests: per-request state belongs on the
/// context. <see cref="Order"/> places the stage (see <see cref="RequestStageOrder"/>); stages of equal order run in
/// registration order.
/// </summary>
public interface IRequestStage
{
    /// <summary>Where the stage runs; one of <see cref="RequestStageOrder"/>'s values, or between two of them.</summary>
    int Order { get; }

    ValueTask InvokeAsync(RequestContext context, RequestStageDelegate next);
}
