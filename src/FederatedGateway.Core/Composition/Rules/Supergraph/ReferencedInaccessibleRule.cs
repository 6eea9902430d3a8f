namespace FederatedGateway.Core.Composition.Rules.Supergraph;

/// <summary>Fields and arguments in the API schema do not reference @inaccessible types.</summary>
internal sealed class ReferencedInaccessibleRule : ISupergraphRule
{
    public const string Code = ErrorCodes.ReferencedInaccessible;

    public IReadOnlyList<string> Codes { get; } = [Code];

    public void Validate(SupergraphRuleContext context)
    {
        foreach (var type in context.Schema.Types.Values.Where(t => !t.IsInaccessible))
        {
            foreach (var field in type.Fields.Where(f => !f.IsInaccessible))
            {
                var coordinate = $"{type.Name}.{field.Name}";
                Check(context, field.Type.NamedType, coordinate);
                foreach (var argument in field.Arguments.Where(a => !a.IsInaccessible))
                {
                    Check(context, argument.Type.NamedType, $"{coordinate}({argument.Name}:)");
                }
            }
        }
    }

    private static void Check(SupergraphRuleContext context, string typeName, string coordinate)
    {
        if (context.Schema.Type(typeName) is { IsInaccessible: true } target)
        {
            context.Error(Code, $"Type \"{typeName}\" is @inaccessible but is referenced by \"{coordinate}\", which is in the API schema.", target.Sources[0].Graph, coordinate, default,
                $"Mark \"{coordinate}\" @inaccessible too, or make \"{typeName}\" accessible.");
        }
    }
}
