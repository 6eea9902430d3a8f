using System.Security.Claims;
using FederatedGateway.Core.Authorization;
using FederatedGateway.Execution.Authorization;

namespace FederatedGateway.Execution.Tests.Authorization;

/// <summary>
/// A caller's entitlements against a requirement: every <c>@requiresScopes</c> needs one of its scope sets held
/// whole, every <c>@policy</c> one of its policy sets allowed; anonymous callers meet nothing; scope checks complete
/// synchronously and each policy is asked once per caller.
/// </summary>
public sealed class CallerEntitlementsTests
{
    private static ClaimsPrincipal User(string scopes) =>
        new(new ClaimsIdentity([new Claim("scope", scopes)], authenticationType: "test"));

    private static AuthorizationRequirement Scopes(params string[][][] directives) =>
        new(false, directives.Select(d => (IReadOnlyList<IReadOnlyList<string>>)d.Select(set => (IReadOnlyList<string>)set).ToList()).ToList(), []);

    private static AuthorizationRequirement Policies(params string[][][] directives) =>
        new(false, [], directives.Select(d => (IReadOnlyList<IReadOnlyList<string>>)d.Select(set => (IReadOnlyList<string>)set).ToList()).ToList());

    /// <summary>The answer of a check that must have completed synchronously (no policy to ask).</summary>
    private static bool Completed(ValueTask<bool> check)
    {
        Assert.True(check.IsCompletedSuccessfully, "a scope check went asynchronous");
        return check.Result;
    }

    [Theory]
    [InlineData("a b", true)]
    [InlineData("c", true)]
    [InlineData("a", false)]
    [InlineData("b c", true)]
    [InlineData("", false)]
    public void A_scope_directive_needs_one_set_held_whole(string held, bool allowed)
    {
        var caller = new CallerEntitlements(User(held), null, default);

        Assert.Equal(allowed, Completed(caller.SatisfiesAsync(Scopes([["a", "b"], ["c"]]))));
    }

    [Theory]
    [InlineData("a x", true)]
    [InlineData("a", false)]
    [InlineData("x", false)]
    public void Every_scope_directive_must_be_met(string held, bool allowed)
    {
        var caller = new CallerEntitlements(User(held), null, default);

        Assert.Equal(allowed, Completed(caller.SatisfiesAsync(Scopes([["a"]], [["x"], ["y"]]))));
    }

    [Fact]
    public void An_anonymous_caller_meets_no_directive_but_needs_none_for_no_requirement()
    {
        var caller = new CallerEntitlements(null, null, default);

        Assert.False(Completed(caller.SatisfiesAsync(Scopes([[]]))));
        Assert.True(Completed(caller.SatisfiesAsync(AuthorizationRequirement.None)));
    }

    [Fact]
    public async Task Policies_answered_asynchronously_are_asked_once_per_caller()
    {
        var evaluator = new SlowEvaluator("desk-head");
        var caller = new CallerEntitlements(User("a"), evaluator, default);

        Assert.True(await caller.SatisfiesAsync(Policies([["risk"], ["desk-head"]])));
        Assert.False(await caller.SatisfiesAsync(Policies([["desk-head", "risk"]])));
        Assert.False(await caller.SatisfiesAsync(Policies([["desk-head"]], [["risk"]])));

        Assert.Equal(["risk", "desk-head"], evaluator.Asked);
    }

    private sealed class SlowEvaluator(string allowed) : IAuthorizationPolicyEvaluator
    {
        public List<string> Asked { get; } = [];

        public async ValueTask<bool> IsAllowedAsync(ClaimsPrincipal user, string policy, CancellationToken cancellationToken)
        {
            await Task.Yield();
            Asked.Add(policy);
            return policy == allowed;
        }
    }
}
