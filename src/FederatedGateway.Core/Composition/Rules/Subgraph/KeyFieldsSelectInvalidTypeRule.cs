namespace FederatedGateway.Core.Composition.Rules.Subgraph;

/// <summary>A @key may not select a field of interface or union type.</summary>
internal sealed class KeyFieldsSelectInvalidTypeRule : ISubgraphRule
{
    public const string Code = ErrorCodes.KeyFieldsSelectInvalidType;

    public IReadOnlyList<string> Codes { get; } = [Code];

    public void Validate(SubgraphRuleContext context) => FieldSetChecks.ReportKeyProblems(context, Code);
}
