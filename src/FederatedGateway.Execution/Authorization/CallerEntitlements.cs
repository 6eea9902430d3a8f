using System.Security.Claims;
using FederatedGateway.Core.Authorization;

namespace FederatedGateway.Execution.Authorization;

/// <summary>
/// What one caller is entitled to, worked out lazily for one request: authenticated or not, the scopes of its
/// <c>scope</c>/<c>scp</c> claims (space-separated), and each policy's answer (asked once per request).
/// </summary>
internal sealed class CallerEntitlements
{
    private static readonly ClaimsPrincipal Anonymous = new(new ClaimsIdentity());

    private readonly ClaimsPrincipal _user;
    private readonly IAuthorizationPolicyEvaluator? _policies;
    private readonly CancellationToken _cancellationToken;
    private HashSet<string>? _scopes;
    private Dictionary<string, bool>? _policyAnswers;

    public CallerEntitlements(ClaimsPrincipal? user, IAuthorizationPolicyEvaluator? policies, CancellationToken cancellationToken)
    {
        _user = user ?? Anonymous;
        _policies = policies;
        _cancellationToken = cancellationToken;
    }

    public bool IsAuthenticated => _user.Identity?.IsAuthenticated == true;

    public async ValueTask<bool> SatisfiesAsync(AuthorizationRequirement requirement)
    {
        if (requirement.IsNone)
        {
            return true;
        }

        // Any directive implies an authenticated caller (as in Apollo Router): scopes and policies are never evaluated for anonymous callers.
        if (!IsAuthenticated)
        {
            return false;
        }

        foreach (var alternatives in requirement.Scopes)
        {
            if (!alternatives.Any(set => set.All(Scopes.Contains)))
            {
                return false;
            }
        }

        foreach (var alternatives in requirement.Policies)
        {
            if (!await AnyAllowedAsync(alternatives).ConfigureAwait(false))
            {
                return false;
            }
        }

        return true;
    }

    private HashSet<string> Scopes => _scopes ??= ReadScopes(_user);

    private async ValueTask<bool> AnyAllowedAsync(IReadOnlyList<IReadOnlyList<string>> alternatives)
    {
        foreach (var set in alternatives)
        {
            var all = true;
            foreach (var policy in set)
            {
                if (!await IsAllowedAsync(policy).ConfigureAwait(false))
                {
                    all = false;
                    break;
                }
            }

            if (all)
            {
                return true;
            }
        }

        return false;
    }

    private async ValueTask<bool> IsAllowedAsync(string policy)
    {
        _policyAnswers ??= new Dictionary<string, bool>(StringComparer.Ordinal);
        if (!_policyAnswers.TryGetValue(policy, out var allowed))
        {
            allowed = _policies is not null && await _policies.IsAllowedAsync(_user, policy, _cancellationToken).ConfigureAwait(false);
            _policyAnswers[policy] = allowed;
        }

        return allowed;
    }

    private static HashSet<string> ReadScopes(ClaimsPrincipal user)
    {
        var scopes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var claim in user.Claims)
        {
            if (claim.Type is "scope" or "scp" or "http://schemas.microsoft.com/identity/claims/scope")
            {
                foreach (var scope in claim.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    scopes.Add(scope);
                }
            }
        }

        return scopes;
    }
}
