namespace FederatedGateway.Core.Composition.Rules.Subgraph;

/// <summary>@provides belongs on fields returning an object, interface or union.</summary>
internal sealed class ProvidesOnNonObjectFieldRule : ISubgraphRule
{
    public const string Code = ErrorCodes.ProvidesOnNonObjectField;

    public IReadOnlyList<string> Codes { get; } = [Code];

    public void Validate(SubgraphRuleContext context)
    {
        foreach (var type in context.Schema.Types.Values)
        {
            foreach (var field in type.Fields)
            {
                if (field.ProvidesSelection is not null && FieldSetChecks.ProvidedType(context.Schema, field) is null)
                {
                    var coordinate = $"{type.Name}.{field.Name}";
                    context.Error(Code, $"Invalid @provides directive on field \"{coordinate}\": field has type \"{field.Type}\" which is not a Composite Type.", coordinate, field.Location, "@provides belongs on fields that return an object, interface or union.");
                }
            }
        }
    }
}
