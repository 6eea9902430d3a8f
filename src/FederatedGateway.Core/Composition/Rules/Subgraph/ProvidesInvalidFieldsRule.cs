namespace FederatedGateway.Core.Composition.Rules.Subgraph;

/// <summary>A @provides selects existing fields, without aliases, named fragments or directives, with subselections exactly on composite fields.</summary>
internal sealed class ProvidesInvalidFieldsRule : ISubgraphRule
{
    public IReadOnlyList<string> Codes { get; } = [ErrorCodes.ProvidesInvalidFields, ErrorCodes.ProvidesHasDirectiveInFieldsArg];

    public void Validate(SubgraphRuleContext context) => FieldSetSites.ReportProblems(context, FieldSetSites.Provides(context.Schema), FieldSetCodes.Provides, Codes);
}
