using System.Collections.Concurrent;

namespace FederatedGateway.Execution.Telemetry;

/// <summary>
/// Bounds the distinct values of a tag chosen by clients (operation and client names): the first
/// <c>maxValues</c> distinct values are kept, later ones become <see cref="Overflow"/>, as do values longer than
/// <see cref="MaxLength"/>. A metric's series stay bounded whatever clients send.
/// </summary>
public sealed class TagValueLimiter
{
    /// <summary>What a value past the bound is reported as.</summary>
    public const string Overflow = "other";

    /// <summary>The longest value kept.</summary>
    public const int MaxLength = 128;

    private readonly ConcurrentDictionary<string, string> _kept = new(StringComparer.Ordinal);
    private readonly int _maxValues;

    public TagValueLimiter(int maxValues)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxValues);
        _maxValues = maxValues;
    }

    /// <summary>The value to report for <paramref name="value"/>: itself while the bound allows, else <see cref="Overflow"/>; null stays null.</summary>
    public string? Limit(string? value)
    {
        if (value is null)
        {
            return null;
        }

        if (_kept.TryGetValue(value, out var kept))
        {
            return kept;
        }

        if (value.Length > MaxLength || _kept.Count >= _maxValues)
        {
            return Overflow;
        }

        // A race may let a few values past the bound: harmless, the bound is on the order of magnitude.
        return _kept.GetOrAdd(value, value);
    }
}
