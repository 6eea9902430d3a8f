using System.Runtime.CompilerServices;
using System.Security.Claims;
using FederatedGateway.Core.Operations;
using FederatedGateway.Execution.Pipeline;

namespace FederatedGateway.Execution.Authorization;

/// <summary>
/// Restricts introspection (<c>__schema</c>, <c>__type</c>; <c>__typename</c> always works) to signed-in callers
/// (<see cref="Authenticated"/>) or to those an authorization policy admits, with <see cref="UnauthorizedCode"/> for
/// the others: the IDE and schema tools then need credentials too.
/// </summary>
public sealed class IntrospectionPolicyStage : IRequestStage
{
    public const string UnauthorizedCode = "INTROSPECTION_UNAUTHORIZED";

    /// <summary>The policy name that only asks for a signed-in caller.</summary>
    public const string Authenticated = "authenticated";

    private static readonly ClaimsPrincipal Anonymous = new(new ClaimsIdentity());

    private readonly string _policy;
    private readonly IAuthorizationPolicyEvaluator? _evaluator;

    /// <param name="evaluator">Evaluates <paramref name="policy"/> unless it is <see cref="Authenticated"/>.</param>
    public IntrospectionPolicyStage(string policy, IAuthorizationPolicyEvaluator? evaluator)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(policy);
        _policy = policy;
        _evaluator = evaluator;
    }

    public int Order => RequestStageOrder.OperationPolicy + 10;

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    public async ValueTask InvokeAsync(RequestContext context, RequestStageDelegate next)
    {
        if (context.Operation is { HasIntrospection: true } && !await AllowedAsync(context).ConfigureAwait(false))
        {
            context.Reject(RequestError.Of("Introspection on this gateway is for authorized callers only.", UnauthorizedCode));
            return;
        }

        await next(context).ConfigureAwait(false);
    }

    private ValueTask<bool> AllowedAsync(RequestContext context)
    {
        var signedIn = context.User?.Identity?.IsAuthenticated == true;
        if (string.Equals(_policy, Authenticated, StringComparison.OrdinalIgnoreCase) || _evaluator is null)
        {
            return ValueTask.FromResult(signedIn);
        }

        return _evaluator.IsAllowedAsync(context.User ?? Anonymous, _policy, context.RequestAborted);
    }
}
