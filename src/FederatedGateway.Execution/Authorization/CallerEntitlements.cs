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

    /// <summary>
    /// Whether the caller meets <paramref name="requirement"/>; completes synchronously unless a policy has to be asked
    /// (indexed loops and no closures: ten protected fields cost no allocation beyond the caller's scope set).
    /// </summary>
    public ValueTask<bool> SatisfiesAsync(AuthorizationRequirement requirement)
    {
        if (requirement.IsNone)
        {
            return new ValueTask<bool>(true);
        }

        // Any directive implies an authenticated caller (as in Apollo Router): scopes and policies are never evaluated for anonymous callers.
        if (!IsAuthenticated || !HoldsScopes(requirement.Scopes))
        {
            return new ValueTask<bool>(false);
        }

        return requirement.Policies.Count == 0 ? new ValueTask<bool>(true) : AllowedByPoliciesAsync(requirement.Policies);
    }

    private bool HoldsScopes(IReadOnlyList<IReadOnlyList<IReadOnlyList<string>>> directives)
    {
        for (var d = 0; d < directives.Count; d++)
        {
            var alternatives = directives[d];
            var any = false;
            for (var a = 0; a < alternatives.Count && !any; a++)
            {
                var set = alternatives[a];
                any = true;
                for (var i = 0; i < set.Count && any; i++)
                {
                    any = Scopes.Contains(set[i]);
                }
            }

            if (!any)
            {
                return false;
            }
        }

        return true;
    }

    private async ValueTask<bool> AllowedByPoliciesAsync(IReadOnlyList<IReadOnlyList<IReadOnlyList<string>>> directives)
    {
        foreach (var alternatives in directives)
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
