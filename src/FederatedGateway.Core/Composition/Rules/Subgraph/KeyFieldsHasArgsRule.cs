namespace FederatedGateway.Core.Composition.Rules.Subgraph;

/// <summary>A @key may not select a field that takes arguments.</summary>
internal sealed class KeyFieldsHasArgsRule : ISubgraphRule
{
    public const string Code = ErrorCodes.KeyFieldsHasArgs;

    public IReadOnlyList<string> Codes { get; } = [Code];

    public void Validate(SubgraphRuleContext context) => FieldSetChecks.ReportKeyProblems(context, Code);
}
