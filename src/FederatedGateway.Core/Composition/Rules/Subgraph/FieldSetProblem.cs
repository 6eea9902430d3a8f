namespace FederatedGateway.Core.Composition.Rules.Subgraph;

/// <summary>What is wrong with a field set of <c>@key</c>, <c>@requires</c> or <c>@provides</c>.</summary>
internal sealed record FieldSetProblem(string Code, string Message, string Element, string? Hint = null)
{
    /// <summary>A field set that cannot be checked further but has no error of its own (an empty inline fragment).</summary>
    public static readonly FieldSetProblem Unreported = new("", "", "");
}
