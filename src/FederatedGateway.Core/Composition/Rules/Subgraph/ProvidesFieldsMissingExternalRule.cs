namespace FederatedGateway.Core.Composition.Rules.Subgraph;

/// <summary>Federation 2: a @provides selects only fields this subgraph marks @external (or key fields).</summary>
internal sealed class ProvidesFieldsMissingExternalRule : ISubgraphRule
{
    public const string Code = ErrorCodes.ProvidesFieldsMissingExternal;

    public IReadOnlyList<string> Codes { get; } = [Code];

    public void Validate(SubgraphRuleContext context) => FieldSetSites.ReportMissingExternals(context, FieldSetSites.Provides(context.Schema), FieldSetCodes.Provides, "@provides");
}
