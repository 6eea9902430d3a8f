namespace FederatedGateway.Core.Composition.Rules;

/// <summary>A validation rule over one subgraph, read but not merged; it reports through the context.</summary>
internal interface ISubgraphRule
{
    /// <summary>The error codes this rule reports (constants of <see cref="ErrorCodes"/>).</summary>
    IReadOnlyList<string> Codes { get; }

    void Validate(SubgraphRuleContext context);
}
