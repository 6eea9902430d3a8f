using FederatedGateway.Core.Operations;

namespace FederatedGateway.AspNetCore;

/// <summary>
/// Bounds on one GraphQL document and on the prepared-operation cache, configuration <c>Gateway:Limits</c>.
/// A document over a limit is refused before validation with <c>OPERATION_LIMIT_EXCEEDED</c>. 0 switches a limit
/// off; negative values are rejected at start. Defaults are <see cref="OperationLimits.Default"/> and
/// <see cref="OperationCacheOptions.Default"/>.
/// </summary>
public sealed class LimitSettings
{
    /// <summary>Lexical tokens in a document, counted before it is parsed. Default 20,000.</summary>
    public int MaxTokens { get; set; } = OperationLimits.Default.MaxTokens;

    /// <summary>Nesting of selection sets, fragments followed (<c>{ a { b } }</c> is 2). Default 32.</summary>
    public int MaxDepth { get; set; } = OperationLimits.Default.MaxDepth;

    /// <summary>Aliased fields in a document. Default 256.</summary>
    public int MaxAliases { get; set; } = OperationLimits.Default.MaxAliases;

    /// <summary>Fields at the operation's root, fragments followed. Default 64.</summary>
    public int MaxRootFields { get; set; } = OperationLimits.Default.MaxRootFields;

    /// <summary>Field, inline fragment and fragment spread selections written in a document. Default 5,000.</summary>
    public int MaxSelections { get; set; } = OperationLimits.Default.MaxSelections;

    /// <summary>Directives on one field. Default 16.</summary>
    public int MaxDirectivesPerField { get; set; } = OperationLimits.Default.MaxDirectivesPerField;

    /// <summary>Fragment definitions in a document. Default 256.</summary>
    public int MaxFragments { get; set; } = OperationLimits.Default.MaxFragments;

    /// <summary>Errors in one response; the rest are dropped and one <c>TOO_MANY_ERRORS</c> error says so. Default 100.</summary>
    public int MaxErrors { get; set; } = OperationLimits.Default.MaxErrors;

    /// <summary>Documents longer than this (characters of the query text) are prepared per request, never cached. Default 65,536.</summary>
    public int MaxCachedDocumentSize { get; set; } = OperationCacheOptions.Default.MaxDocumentLength;

    /// <summary>Estimated bytes the prepared-operation cache may hold; least recently used operations go first. Default 64 MiB.</summary>
    public long OperationCacheSize { get; set; } = OperationCacheOptions.Default.MaxBytes;

    /// <summary>Operations the cache may hold. Default 2,048.</summary>
    public int OperationCacheEntries { get; set; } = OperationCacheOptions.Default.MaxEntries;

    internal const string ValidationMessage = "Gateway:Limits values must be zero (no limit) or positive.";

    internal bool IsValid() =>
        MaxTokens >= 0 && MaxDepth >= 0 && MaxAliases >= 0 && MaxRootFields >= 0 && MaxSelections >= 0
        && MaxDirectivesPerField >= 0 && MaxFragments >= 0 && MaxErrors >= 0
        && MaxCachedDocumentSize >= 0 && OperationCacheSize >= 0 && OperationCacheEntries >= 0;

    /// <summary>The document limits these settings imply.</summary>
    public OperationLimits ToOperationLimits() => new()
    {
        MaxTokens = MaxTokens,
        MaxDepth = MaxDepth,
        MaxAliases = MaxAliases,
        MaxRootFields = MaxRootFields,
        MaxSelections = MaxSelections,
        MaxDirectivesPerField = MaxDirectivesPerField,
        MaxFragments = MaxFragments,
        MaxErrors = MaxErrors,
    };

    /// <summary>The operation cache bounds these settings imply.</summary>
    public OperationCacheOptions ToCacheOptions() => new()
    {
        MaxDocumentLength = MaxCachedDocumentSize,
        MaxBytes = OperationCacheSize,
        MaxEntries = OperationCacheEntries,
    };
}
