using FederatedGateway.Core.Composition.Merging;
using FederatedGateway.Core.Schema;

namespace FederatedGateway.Core.Composition.Rules.Supergraph;

/// <summary>An enum used both as input and output has the same accessible values in every subgraph that defines it.</summary>
internal sealed class EnumValueMismatchRule : ISupergraphRule
{
    public const string Code = ErrorCodes.EnumValueMismatch;

    public IReadOnlyList<string> Codes { get; } = [Code];

    public void Validate(SupergraphRuleContext context)
    {
        var usage = new EnumUsage(context.Schema);
        foreach (var type in context.Schema.Types.Values.Where(t => t.Kind == TypeKind.Enum))
        {
            var (asInput, asOutput) = usage.Of(type.Name);
            if (asInput is null || asOutput is null)
            {
                continue;
            }

            foreach (var name in type.Sources.SelectMany(s => s.Type.EnumValues).Select(v => v.Name).Distinct(StringComparer.Ordinal))
            {
                var present = type.Sources.Where(s => s.Type.EnumValues.Exists(v => v.Name == name)).ToList();
                var inaccessible = present.Any(p => p.Type.EnumValues.Find(v => v.Name == name)!.IsInaccessible);
                if (present.Count < type.Sources.Count && !inaccessible)
                {
                    var missing = type.Sources.Where(s => !present.Contains(s)).Select(s => s.Graph);
                    context.Error(Code,
                        $"Enum type \"{type.Name}\" is used as both input type (for example, as type of \"{asInput}\") and output type (for example, as type of \"{asOutput}\"), but value \"{name}\" is not defined in all the subgraphs defining \"{type.Name}\": \"{name}\" is defined in {SupergraphRuleContext.Names(present.Select(p => p.Graph))} but not in {SupergraphRuleContext.Names(missing)}.",
                        present[0].Graph, $"{type.Name}.{name}", present[0].Type.Location, "An enum used both in input and output must have the same values in every subgraph.");
                }
            }
        }
    }
}
