using FederatedGateway.Core.Composition.Subgraphs;

namespace FederatedGateway.Core.Composition.Merging;

/// <summary>Whether one set of authorization requirements is at least as strict as another (Apollo's implication test).</summary>
internal static class AuthorizationImplication
{
    /// <summary>The requirements of both (a field and its type): authenticated if either is, scopes and policies AND-ed.</summary>
    public static AccessAndCostDirectives Combine(AccessAndCostDirectives first, AccessAndCostDirectives second) => new()
    {
        Authenticated = first.Authenticated || second.Authenticated,
        Scopes = And(first.Scopes, second.Scopes),
        Policies = And(first.Policies, second.Policies),
    };

    /// <summary>True when whoever satisfies <paramref name="granted"/> also satisfies <paramref name="required"/>.</summary>
    public static bool Implies(AccessAndCostDirectives granted, AccessAndCostDirectives required) =>
        (granted.Authenticated || !required.Authenticated)
        && Implies(granted.Scopes, required.Scopes)
        && Implies(granted.Policies, required.Policies);

    private static IReadOnlyList<IReadOnlyList<string>>? And(IReadOnlyList<IReadOnlyList<string>>? first, IReadOnlyList<IReadOnlyList<string>>? second) =>
        (first, second) switch
        {
            (null, null) => null,
            (null, _) => Dnf.Conjunction([second!]),
            (_, null) => Dnf.Conjunction([first]),
            _ => Dnf.Conjunction([first, second]),
        };

    /// <summary>Every alternative of <paramref name="granted"/> contains some alternative of <paramref name="required"/>.</summary>
    private static bool Implies(IReadOnlyList<IReadOnlyList<string>>? granted, IReadOnlyList<IReadOnlyList<string>>? required)
    {
        IReadOnlyList<IReadOnlyList<string>> grantedAlternatives = granted is null || granted.Count == 0 ? [[]] : granted;
        IReadOnlyList<IReadOnlyList<string>> requiredAlternatives = required is null || required.Count == 0 ? [[]] : required;
        return grantedAlternatives.All(g => requiredAlternatives.Any(r => r.All(g.Contains)));
    }
}
