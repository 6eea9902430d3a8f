using FederatedGateway.Core.Planning.Nodes;

namespace FederatedGateway.Core.Planning.Internal;

/// <summary>Where a fetch's answer merges, compared by value (segment by segment) instead of by its printed form.</summary>
internal readonly struct MergePathKey : IEquatable<MergePathKey>
{
    private readonly PathSegment[] _segments;

    public MergePathKey(IReadOnlyList<PathSegment> path) => _segments = path.ToArray();

    public bool Equals(MergePathKey other) => (_segments ?? []).AsSpan().SequenceEqual(other._segments ?? []);

    public override bool Equals(object? obj) => obj is MergePathKey other && Equals(other);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var segment in _segments ?? [])
        {
            hash.Add(segment);
        }

        return hash.ToHashCode();
    }

    public static bool operator ==(MergePathKey left, MergePathKey right) => left.Equals(right);

    public static bool operator !=(MergePathKey left, MergePathKey right) => !left.Equals(right);

    public override string ToString() => PathSegment.Print(_segments ?? []);
}
