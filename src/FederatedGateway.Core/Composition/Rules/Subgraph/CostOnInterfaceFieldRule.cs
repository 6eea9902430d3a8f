using FederatedGateway.Core.Schema;

namespace FederatedGateway.Core.Composition.Rules.Subgraph;

/// <summary><c>@cost</c> belongs on concrete fields: an interface field's cost is its implementation's.</summary>
internal sealed class CostOnInterfaceFieldRule : ISubgraphRule
{
    public const string Code = ErrorCodes.CostAppliedToInterfaceField;

    public IReadOnlyList<string> Codes { get; } = [Code];

    public void Validate(SubgraphRuleContext context)
    {
        foreach (var type in context.Schema.Types.Values.Where(t => t.Kind == TypeKind.Interface))
        {
            foreach (var field in type.Fields.Where(f => f.AccessAndCost.CostWeight is not null))
            {
                var name = context.Schema.AccessAndCostNames.GetValueOrDefault("cost", "cost");
                context.Error(Code, $"@{name} cannot be applied to interface \"{type.Name}.{field.Name}\".", $"{type.Name}.{field.Name}", field.Location,
                    $"Apply @{name} to the field in each implementing object type.");
            }
        }
    }
}
