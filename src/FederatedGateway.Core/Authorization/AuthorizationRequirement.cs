namespace FederatedGateway.Core.Authorization;

/// <summary>
/// What a caller needs to see one type or field: to be authenticated, and for each <c>@requiresScopes</c> /
/// <c>@policy</c> that applies, one of its alternatives (an OR of ANDs) satisfied. Requirements of a field, its
/// type and its parent type add up (<see cref="And"/>). Immutable.
/// </summary>
public sealed class AuthorizationRequirement
{
    /// <summary>No requirement at all.</summary>
    public static readonly AuthorizationRequirement None = new(false, [], []);

    public AuthorizationRequirement(
        bool authenticated,
        IReadOnlyList<IReadOnlyList<IReadOnlyList<string>>> scopes,
        IReadOnlyList<IReadOnlyList<IReadOnlyList<string>>> policies)
    {
        Authenticated = authenticated;
        Scopes = scopes;
        Policies = policies;
    }

    /// <summary>Whether the caller must be authenticated (<c>@authenticated</c>; any scope or policy requirement implies nothing more).</summary>
    public bool Authenticated { get; }

    /// <summary>Each entry is one <c>@requiresScopes</c>: the caller must hold every scope of at least one of its sets.</summary>
    public IReadOnlyList<IReadOnlyList<IReadOnlyList<string>>> Scopes { get; }

    /// <summary>Each entry is one <c>@policy</c>: every policy of at least one of its sets must allow the caller.</summary>
    public IReadOnlyList<IReadOnlyList<IReadOnlyList<string>>> Policies { get; }

    public bool IsNone => !Authenticated && Scopes.Count == 0 && Policies.Count == 0;

    /// <summary>Both requirements at once.</summary>
    public AuthorizationRequirement And(AuthorizationRequirement other)
    {
        if (other.IsNone || ReferenceEquals(other, this))
        {
            return this;
        }

        if (IsNone)
        {
            return other;
        }

        return new AuthorizationRequirement(Authenticated || other.Authenticated, [.. Scopes, .. other.Scopes], [.. Policies, .. other.Policies]);
    }

    public override string ToString()
    {
        var parts = new List<string>();
        if (Authenticated)
        {
            parts.Add("@authenticated");
        }

        parts.AddRange(Scopes.Select(s => "@requiresScopes(" + Print(s) + ")"));
        parts.AddRange(Policies.Select(p => "@policy(" + Print(p) + ")"));
        return parts.Count == 0 ? "none" : string.Join(' ', parts);
    }

    private static string Print(IReadOnlyList<IReadOnlyList<string>> sets) =>
        "[" + string.Join(", ", sets.Select(set => "[" + string.Join(", ", set.Select(s => "\"" + s + "\"")) + "]")) + "]";
}
