using FederatedGateway.Core.Composition.Subgraphs;

namespace FederatedGateway.Core.Composition.Rules.Subgraph;

/// <summary>Federation 2: an @external field is used by a @key, @requires or @provides, or to satisfy an interface.</summary>
internal sealed class ExternalUnusedRule : ISubgraphRule
{
    public const string Code = ErrorCodes.ExternalUnused;

    public IReadOnlyList<string> Codes { get; } = [Code];

    public void Validate(SubgraphRuleContext context)
    {
        if (!context.Schema.IsFederation2)
        {
            return;
        }

        var used = FieldSetWalker.FieldsInUse(context.Schema);
        foreach (var type in context.Schema.Types.Values)
        {
            foreach (var field in type.Fields)
            {
                if (field.IsExternal && !used.Contains(field))
                {
                    var coordinate = $"{type.Name}.{field.Name}";
                    context.Error(Code, $"Field \"{coordinate}\" is marked @external but is not used in any federation directive (@key, @provides, @requires) or to satisfy an interface; the field declaration has no use and should be removed (or the field should not be @external).",
                        coordinate, field.Location, "Remove the field, or drop @external if this subgraph resolves it.");
                }
            }
        }
    }
}
