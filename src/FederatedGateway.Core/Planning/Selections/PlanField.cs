using System.Collections.Immutable;
using FederatedGateway.Core.Operations;

namespace FederatedGateway.Core.Planning.Selections;

/// <summary>A field a fetch selects: <c>alias: name(arguments) @skip/@include { selectionSet }</c>.</summary>
public sealed class PlanField : PlanSelection
{
    public PlanField(string name, string? alias, ImmutableArray<PlanArgument> arguments, ImmutableArray<InclusionCondition> conditions, PlanSelectionSet? selectionSet)
        : base(conditions)
    {
        Name = name;
        Alias = alias;
        Arguments = arguments.IsDefault ? ImmutableArray<PlanArgument>.Empty : arguments;
        SelectionSet = selectionSet;
    }

    public string Name { get; }

    /// <summary>The alias sent to the subgraph (a client's alias, or one of the gateway's, see <see cref="InternalAlias"/>).</summary>
    public string? Alias { get; }

    /// <summary>The key the subgraph answers under.</summary>
    public string ResponseName => Alias ?? Name;

    public ImmutableArray<PlanArgument> Arguments { get; }

    /// <summary>Null for a leaf field.</summary>
    public PlanSelectionSet? SelectionSet { get; }

    public bool IsTypename => Name == "__typename";
}
