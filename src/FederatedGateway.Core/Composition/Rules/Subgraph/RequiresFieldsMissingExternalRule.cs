namespace FederatedGateway.Core.Composition.Rules.Subgraph;

/// <summary>Federation 2: a @requires selects only fields this subgraph marks @external (or key fields).</summary>
internal sealed class RequiresFieldsMissingExternalRule : ISubgraphRule
{
    public const string Code = ErrorCodes.RequiresFieldsMissingExternal;

    public IReadOnlyList<string> Codes { get; } = [Code];

    public void Validate(SubgraphRuleContext context) => FieldSetSites.ReportMissingExternals(context, FieldSetSites.Requires(context.Schema), FieldSetCodes.Requires, "@requires");
}
