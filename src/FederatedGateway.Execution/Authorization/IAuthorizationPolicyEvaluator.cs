using System.Security.Claims;

namespace FederatedGateway.Execution.Authorization;

/// <summary>
/// Decides whether a named policy (from <c>@policy</c>) allows a caller. The ASP.NET Core host evaluates policies
/// with <c>IAuthorizationService</c>; without an evaluator every policy refuses.
/// </summary>
public interface IAuthorizationPolicyEvaluator
{
    /// <param name="user">The caller; an unauthenticated principal when no one is signed in.</param>
    ValueTask<bool> IsAllowedAsync(ClaimsPrincipal user, string policy, CancellationToken cancellationToken);
}
