using FederatedGateway.Core.Schema;

namespace FederatedGateway.Core.Composition.Rules.Supergraph;

/// <summary>A required argument or input field (non-null without default) of an accessible type is not @inaccessible.</summary>
internal sealed class RequiredInaccessibleRule : ISupergraphRule
{
    public const string Code = ErrorCodes.RequiredInaccessible;

    public IReadOnlyList<string> Codes { get; } = [Code];

    public void Validate(SupergraphRuleContext context)
    {
        foreach (var type in context.Schema.Types.Values.Where(t => !t.IsInaccessible))
        {
            foreach (var field in type.Fields)
            {
                var coordinate = $"{type.Name}.{field.Name}";
                if (field.IsInaccessible && type.Kind == TypeKind.InputObject && field.Type.IsNonNull && field.DefaultValue is null)
                {
                    context.Error(Code, $"Input field \"{coordinate}\" is @inaccessible but is a required input field of its type.", field.Sources[0].Graph, coordinate, field.Sources[0].Field.Location, "Make the input field optional or keep it in the API schema.");
                }

                foreach (var argument in field.Arguments)
                {
                    if (argument.IsInaccessible && argument.Type.IsNonNull && argument.DefaultValue is null)
                    {
                        var argumentCoordinate = $"{coordinate}({argument.Name}:)";
                        context.Error(Code, $"Argument \"{argumentCoordinate}\" is @inaccessible but is a required argument of its field.", field.Sources.FirstOrDefault().Graph, argumentCoordinate, default, "Make the argument optional or keep it in the API schema.");
                    }
                }
            }
        }
    }
}
