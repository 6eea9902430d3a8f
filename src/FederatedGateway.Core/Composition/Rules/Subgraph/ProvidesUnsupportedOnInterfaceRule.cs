using FederatedGateway.Core.Schema;

namespace FederatedGateway.Core.Composition.Rules.Subgraph;

/// <summary>@provides is not supported on interface fields.</summary>
internal sealed class ProvidesUnsupportedOnInterfaceRule : ISubgraphRule
{
    public const string Code = ErrorCodes.ProvidesUnsupportedOnInterface;

    public IReadOnlyList<string> Codes { get; } = [Code];

    public void Validate(SubgraphRuleContext context)
    {
        foreach (var type in context.Schema.Types.Values.Where(t => t.Kind == TypeKind.Interface))
        {
            foreach (var field in type.Fields)
            {
                if (field.ProvidesSelection is not null && FieldSetChecks.ProvidedType(context.Schema, field) is not null)
                {
                    var coordinate = $"{type.Name}.{field.Name}";
                    context.Error(Code, $"Cannot use @provides on field \"{coordinate}\" of parent type \"{type.Name}\": @provides is not yet supported within interfaces.", coordinate, field.Location);
                }
            }
        }
    }
}
