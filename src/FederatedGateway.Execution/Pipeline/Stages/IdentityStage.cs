using FederatedGateway.Core.Operations;
using FederatedGateway.Execution.Requests;

namespace FederatedGateway.Execution.Pipeline.Stages;

/// <summary>
/// Puts the identity the host established (<see cref="GatewayRequest.Identity"/>) on the request context, and ends
/// the request with <see cref="UnauthenticatedCode"/> (HTTP 401) before anything is parsed or fetched when the client
/// sent credentials that were refused, or sent none where authentication is required.
/// </summary>
public sealed class IdentityStage : IRequestStage
{
    /// <summary>The <c>extensions.code</c> of a request refused for its credentials.</summary>
    public const string UnauthenticatedCode = "UNAUTHENTICATED";

    /// <summary>What a client that sent no credentials where they are required is told.</summary>
    public const string RequiredMessage = "Authentication required: send a bearer token or an API key.";

    /// <summary>What a client whose credentials were refused is told (the reason follows).</summary>
    public static string FailureMessage(string reason) => "Authentication failed: " + reason;

    private readonly bool _required;

    /// <param name="required">Whether requests without credentials are refused.</param>
    public IdentityStage(bool required)
    {
        _required = required;
    }

    public int Order => RequestStageOrder.Identity;

    public ValueTask InvokeAsync(RequestContext context, RequestStageDelegate next)
    {
        var identity = context.Request.Identity;
        if (identity?.Failure is { } failure)
        {
            context.Reject(RequestError.Of(FailureMessage(failure), UnauthenticatedCode), GatewayResultKind.Unauthenticated);
            return ValueTask.CompletedTask;
        }

        if (identity?.User is { } user)
        {
            context.User = user;
        }
        else if (_required)
        {
            context.Reject(RequestError.Of(RequiredMessage, UnauthenticatedCode), GatewayResultKind.Unauthenticated);
            return ValueTask.CompletedTask;
        }

        return next(context);
    }
}
