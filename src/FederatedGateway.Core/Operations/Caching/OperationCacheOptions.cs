namespace FederatedGateway.Core.Operations;

/// <summary>
/// Bounds of the prepared-operation cache (configured as <c>Gateway:Limits</c>). 0 switches a bound off.
/// <see cref="Default"/> holds the production defaults.
/// </summary>
public sealed record OperationCacheOptions
{
    public static OperationCacheOptions Default { get; } = new();

    /// <summary>Documents longer than this (in characters) are prepared for each request and never cached.</summary>
    public int MaxDocumentLength { get; init; } = 64 * 1024;

    /// <summary>The estimated memory all cached operations may hold, in bytes.</summary>
    public long MaxBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>The most operations cached.</summary>
    public int MaxEntries { get; init; } = 2048;
}
