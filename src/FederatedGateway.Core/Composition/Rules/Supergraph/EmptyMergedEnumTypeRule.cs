using FederatedGateway.Core.Schema;

namespace FederatedGateway.Core.Composition.Rules.Supergraph;

/// <summary>An enum keeps at least one value after merging.</summary>
internal sealed class EmptyMergedEnumTypeRule : ISupergraphRule
{
    public const string Code = ErrorCodes.EmptyMergedEnumType;

    public IReadOnlyList<string> Codes { get; } = [Code];

    public void Validate(SupergraphRuleContext context)
    {
        foreach (var type in context.Schema.Types.Values.Where(t => t.Kind == TypeKind.Enum && t.EnumValues.Count == 0))
        {
            var first = type.Sources[0];
            context.Error(Code, $"None of the values of enum type \"{type.Name}\" are defined consistently in all the subgraphs defining that type. As only values common to all subgraphs are merged, this would result in an empty type.",
                first.Graph, type.Name, first.Type.Location, "Define the values the enum needs in every subgraph.");
        }
    }
}
