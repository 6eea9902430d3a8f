using System.Security.Claims;
using FederatedGateway.Execution.Authorization;
using Microsoft.AspNetCore.Http;

namespace FederatedGateway.AspNetCore.Authentication;

/// <summary>
/// Who may use an endpoint beside the GraphQL one (the dashboard's data, the JSON/HTTP routes): callers allowed by
/// <c>policy</c>, or any authenticated caller when authentication is configured and no policy is named, or anyone
/// when neither is.
/// </summary>
internal sealed class EndpointAccess(string? policy, GatewayAuthenticator authenticator, IAuthorizationPolicyEvaluator? policies)
{
    /// <summary>401 or 403 when the caller may not; null when they may.</summary>
    public async ValueTask<int?> RefusalAsync(HttpContext context)
    {
        if (policy is null && !authenticator.IsEnabled)
        {
            return null;
        }

        var identity = await authenticator.AuthenticateAsync(context).ConfigureAwait(false);
        if (identity is { Failure: not null })
        {
            return StatusCodes.Status401Unauthorized;
        }

        var user = identity?.User;
        if (policy is null)
        {
            return user is null ? StatusCodes.Status401Unauthorized : null;
        }

        var allowed = policies is not null && await policies.IsAllowedAsync(user ?? new ClaimsPrincipal(new ClaimsIdentity()), policy, context.RequestAborted).ConfigureAwait(false);
        return allowed ? null : user is null ? StatusCodes.Status401Unauthorized : StatusCodes.Status403Forbidden;
    }
}
