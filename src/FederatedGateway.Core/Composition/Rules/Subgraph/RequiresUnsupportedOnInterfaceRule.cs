using FederatedGateway.Core.Schema;

namespace FederatedGateway.Core.Composition.Rules.Subgraph;

/// <summary>@requires is not supported on interface fields.</summary>
internal sealed class RequiresUnsupportedOnInterfaceRule : ISubgraphRule
{
    public const string Code = ErrorCodes.RequiresUnsupportedOnInterface;

    public IReadOnlyList<string> Codes { get; } = [Code];

    public void Validate(SubgraphRuleContext context)
    {
        foreach (var type in context.Schema.Types.Values.Where(t => t.Kind == TypeKind.Interface))
        {
            foreach (var field in type.Fields.Where(f => f.RequiresSelection is not null))
            {
                var coordinate = $"{type.Name}.{field.Name}";
                context.Error(Code, $"Cannot use @requires on field \"{coordinate}\" of parent type \"{type.Name}\": @requires is not yet supported within interfaces.", coordinate, field.Location, "Put @requires on the implementations' fields.");
            }
        }
    }
}
