using FederatedGateway.Core.Schema;

namespace FederatedGateway.Core.Composition.Rules.Supergraph;

/// <summary>An input type keeps at least one field after merging (only fields every defining subgraph has are kept).</summary>
internal sealed class EmptyMergedInputTypeRule : ISupergraphRule
{
    public const string Code = ErrorCodes.EmptyMergedInputType;

    public IReadOnlyList<string> Codes { get; } = [Code];

    public void Validate(SupergraphRuleContext context)
    {
        foreach (var type in context.Schema.Types.Values.Where(t => t.Kind == TypeKind.InputObject && t.Fields.Count == 0))
        {
            var first = type.Sources[0];
            context.Error(Code, $"None of the fields of input object type \"{type.Name}\" are consistently defined in all the subgraphs defining that type. As only fields common to all subgraphs are merged, this would result in an empty type.",
                first.Graph, type.Name, first.Type.Location, "Define at least one field with the same name in every subgraph that defines the input type.");
        }
    }
}
