using FederatedGateway.Core.Composition.Subgraphs;
using FederatedGateway.Core.Schema;

namespace FederatedGateway.Core.Composition.Rules.Subgraph;

/// <summary>
/// <c>@authenticated</c>, <c>@requiresScopes</c> and <c>@policy</c> may not be applied to interfaces, their fields or
/// <c>@interfaceObject</c> types: an interface takes its requirements from its implementations at composition.
/// </summary>
internal sealed class AuthRequirementsOnInterfaceRule : ISubgraphRule
{
    public const string Code = ErrorCodes.AuthRequirementsAppliedOnInterface;

    public IReadOnlyList<string> Codes { get; } = [Code];

    public void Validate(SubgraphRuleContext context)
    {
        foreach (var type in context.Schema.Types.Values)
        {
            if (type.Kind == TypeKind.Interface || type.IsInterfaceObject)
            {
                Report(context, type.AccessAndCost, type.IsInterfaceObject ? "interface object" : "interface", type.Name, type.Location);
            }

            if (type.Kind == TypeKind.Interface)
            {
                foreach (var field in type.Fields)
                {
                    Report(context, field.AccessAndCost, "field", $"{type.Name}.{field.Name}", field.Location);
                }
            }
        }
    }

    private static void Report(SubgraphRuleContext context, AccessAndCostDirectives directives, string kind, string coordinate, SdlLocation location)
    {
        foreach (var (canonical, present) in new[] { ("authenticated", directives.Authenticated), ("requiresScopes", directives.Scopes is not null), ("policy", directives.Policies is not null) })
        {
            if (present)
            {
                var name = context.Schema.AccessAndCostNames.GetValueOrDefault(canonical, canonical);
                context.Error(Code, $"Invalid use of @{name} on {kind} \"{coordinate}\": @{name} cannot be applied on interfaces, interface fields and interface objects.", coordinate, location,
                    $"Apply @{name} to the implementing object types or their fields; the interface takes their requirements in the supergraph.");
            }
        }
    }
}
