namespace FederatedGateway.Core.Operations;

/// <summary>
/// Bounds on one GraphQL document, checked before validation so a hostile document costs little to refuse.
/// Every limit is off when 0. <see cref="Default"/> holds the production defaults (configured as
/// <c>Gateway:Limits</c>); <see cref="None"/> switches every check off.
/// </summary>
public sealed record OperationLimits
{
    /// <summary>The production defaults.</summary>
    public static OperationLimits Default { get; } = new();

    /// <summary>No document limit at all (errors are not capped either).</summary>
    public static OperationLimits None { get; } = new()
    {
        MaxTokens = 0,
        MaxDepth = 0,
        MaxAliases = 0,
        MaxRootFields = 0,
        MaxSelections = 0,
        MaxDirectivesPerField = 0,
        MaxFragments = 0,
        MaxErrors = 0,
    };

    /// <summary>Lexical tokens in the document (punctuators, names, values; comments excluded). Counted before parsing.</summary>
    public int MaxTokens { get; init; } = 20_000;

    /// <summary>Nesting of selection sets in the operation, fragments followed (<c>{ a { b } }</c> has depth 2).</summary>
    public int MaxDepth { get; init; } = 32;

    /// <summary>Aliased fields in the document.</summary>
    public int MaxAliases { get; init; } = 256;

    /// <summary>Fields selected at the operation's root, fragments followed.</summary>
    public int MaxRootFields { get; init; } = 64;

    /// <summary>Field, inline fragment and fragment spread selections written in the document.</summary>
    public int MaxSelections { get; init; } = 5_000;

    /// <summary>Directives on one field.</summary>
    public int MaxDirectivesPerField { get; init; } = 16;

    /// <summary>Fragment definitions in the document.</summary>
    public int MaxFragments { get; init; } = 256;

    /// <summary>Errors one response may carry; the rest are dropped and one <c>TOO_MANY_ERRORS</c> error says so.</summary>
    public int MaxErrors { get; init; } = 100;
}
