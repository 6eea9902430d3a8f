namespace FederatedGateway.Core.Composition.Rules;

/// <summary>A validation rule over the merged supergraph model; it reports through the context.</summary>
internal interface ISupergraphRule
{
    /// <summary>The error codes this rule reports (constants of <see cref="ErrorCodes"/>).</summary>
    IReadOnlyList<string> Codes { get; }

    void Validate(SupergraphRuleContext context);
}
