using FederatedGateway.Testing.Composition;

namespace FederatedGateway.CompositionParity;

/// <summary>What one suite gave: composed or not, equal to Apollo's or not, a one-line summary and the differences.</summary>
internal sealed record SuiteOutcome(string Suite, bool Composed, bool Equal, string Summary, IReadOnlyList<SupergraphDifference> Details)
{
    public static SuiteOutcome Failed(string suite, string why) => new(suite, false, false, why, Array.Empty<SupergraphDifference>());
}
