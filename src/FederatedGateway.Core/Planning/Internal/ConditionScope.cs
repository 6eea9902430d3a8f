using FederatedGateway.Core.Operations;

namespace FederatedGateway.Core.Planning.Internal;

/// <summary>
/// The <c>@skip</c>/<c>@include</c> levels an entity jump was planned under, outermost first: two jumps share a
/// fetch group only under equal scopes. Compared by value.
/// </summary>
internal sealed class ConditionScope : IEquatable<ConditionScope>
{
    public static readonly ConditionScope None = new(Array.Empty<IReadOnlyList<InclusionCondition>>());

    private readonly IReadOnlyList<InclusionCondition>[] _levels;

    private ConditionScope(IReadOnlyList<InclusionCondition>[] levels) => _levels = levels;

    /// <summary>A snapshot of <paramref name="levels"/> (the planner's stack keeps changing).</summary>
    public static ConditionScope Of(List<IReadOnlyList<InclusionCondition>> levels) =>
        levels.Count == 0 ? None : new ConditionScope(levels.ToArray());

    public bool Equals(ConditionScope? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (other is null || other._levels.Length != _levels.Length)
        {
            return false;
        }

        for (var i = 0; i < _levels.Length; i++)
        {
            if (!_levels[i].SequenceEqual(other._levels[i]))
            {
                return false;
            }
        }

        return true;
    }

    public override bool Equals(object? obj) => obj is ConditionScope other && Equals(other);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var level in _levels)
        {
            hash.Add(level.Count);
            foreach (var condition in level)
            {
                hash.Add(condition);
            }
        }

        return hash.ToHashCode();
    }

    public override string ToString() => string.Join("|", _levels.Select(level => string.Join(",", level)));
}
