namespace FederatedGateway.Core.Composition.Rules.Subgraph;

/// <summary>A @requires selects existing fields, without aliases, named fragments or directives, with subselections exactly on composite fields.</summary>
internal sealed class RequiresInvalidFieldsRule : ISubgraphRule
{
    public IReadOnlyList<string> Codes { get; } = [ErrorCodes.RequiresInvalidFields, ErrorCodes.RequiresHasDirectiveInFieldsArg];

    public void Validate(SubgraphRuleContext context) => FieldSetSites.ReportProblems(context, FieldSetSites.Requires(context.Schema), FieldSetCodes.Requires, Codes);
}
