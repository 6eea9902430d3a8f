using FederatedGateway.Core.Operations;
using GraphQLParser.AST;

namespace FederatedGateway.Core.Planning.Internal;

/// <summary>A field of a fetch's selection, with its sub-selection for a composite type.</summary>
internal sealed class FetchField : FetchSelectionItem
{
    public FetchField(string name, string? alias, GraphQLArguments? arguments, IReadOnlyList<InclusionCondition> conditions, FetchSelectionSet? selectionSet)
    {
        Name = name;
        Alias = alias;
        Arguments = arguments;
        Conditions = conditions;
        SelectionSet = selectionSet;
    }

    public string Name { get; }

    public string? Alias { get; }

    public GraphQLArguments? Arguments { get; }

    public override IReadOnlyList<InclusionCondition> Conditions { get; }

    public FetchSelectionSet? SelectionSet { get; }

    /// <summary>The field's type in the subgraph (null for fields the planner adds, such as keys).</summary>
    public string? Signature { get; init; }

    /// <summary>True when a client field is fetched here (the planner may fetch the same field for a key too).</summary>
    public bool FromClient { get; set; }
}
