namespace FederatedGateway.Core.Composition.Rules.Subgraph;

/// <summary>A @key selects existing fields, without aliases, fragments or directives, with subselections exactly on composite fields.</summary>
internal sealed class KeyInvalidFieldsRule : ISubgraphRule
{
    public IReadOnlyList<string> Codes { get; } = [ErrorCodes.KeyInvalidFields, ErrorCodes.KeyHasDirectiveInFieldsArg];

    public void Validate(SubgraphRuleContext context)
    {
        foreach (var code in Codes)
        {
            FieldSetChecks.ReportKeyProblems(context, code);
        }
    }
}
