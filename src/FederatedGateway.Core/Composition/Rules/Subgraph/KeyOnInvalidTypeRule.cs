using FederatedGateway.Core.Composition.Subgraphs;

namespace FederatedGateway.Core.Composition.Rules.Subgraph;

/// <summary>@key applies to object and interface types only (not to unions, enums, scalars or inputs).</summary>
internal sealed class KeyOnInvalidTypeRule : ISubgraphRule
{
    public const string Code = ErrorCodes.InvalidGraphQL;

    public IReadOnlyList<string> Codes { get; } = [Code];

    public void Validate(SubgraphRuleContext context)
    {
        foreach (var type in context.Schema.Types.Values)
        {
            if (type.Keys.Count > 0 && !FieldSetChecks.CanHaveKeys(type))
            {
                context.Error(Code, $"@key cannot be used on {Kinds.Describe(type.Kind)} \"{type.Name}\": it applies to object and interface types.", type.Name, type.Location);
            }
        }
    }
}
