namespace FederatedGateway.Core.Operations;

/// <summary>
/// A variable-dependent <c>@skip(if: $v)</c> (<see cref="Skip"/> = true) or <c>@include(if: $v)</c>.
/// Literal conditions are resolved when the operation is normalized.
/// </summary>
public readonly record struct InclusionCondition(string Variable, bool Skip)
{
    public bool IsIncluded(IReadOnlyDictionary<string, bool> booleans) =>
        booleans.TryGetValue(Variable, out var value) ? value != Skip : !Skip;

    public override string ToString() => Skip ? $"@skip(if: ${Variable})" : $"@include(if: ${Variable})";
}
