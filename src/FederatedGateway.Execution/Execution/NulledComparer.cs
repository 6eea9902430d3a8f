using System.Runtime.CompilerServices;

namespace FederatedGateway.Execution.Execution;

/// <summary>Compares (value, selection) pairs of the response writer by reference, both parts.</summary>
internal sealed class NulledComparer : IEqualityComparer<(object Value, object Selection)>
{
    public static readonly NulledComparer Instance = new();

    public bool Equals((object Value, object Selection) x, (object Value, object Selection) y)
        => ReferenceEquals(x.Value, y.Value) && ReferenceEquals(x.Selection, y.Selection);

    public int GetHashCode((object Value, object Selection) pair)
        => HashCode.Combine(RuntimeHelpers.GetHashCode(pair.Value), RuntimeHelpers.GetHashCode(pair.Selection));
}
