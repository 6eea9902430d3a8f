using FederatedGateway.Core.Schema;

namespace FederatedGateway.Core.Composition.Rules.Subgraph;

/// <summary>An interface cannot implement itself.</summary>
internal sealed class InterfaceImplementsItselfRule : ISubgraphRule
{
    public const string Code = ErrorCodes.InvalidGraphQL;

    public IReadOnlyList<string> Codes { get; } = [Code];

    public void Validate(SubgraphRuleContext context)
    {
        foreach (var type in context.Schema.Types.Values)
        {
            if (type.Kind == TypeKind.Interface && type.Implements.Contains(type.Name))
            {
                context.Error(Code, $"Interface \"{type.Name}\" cannot implement itself.", type.Name, type.Location);
            }
        }
    }
}
