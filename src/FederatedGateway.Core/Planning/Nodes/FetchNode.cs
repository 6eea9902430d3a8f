using FederatedGateway.Core.Operations;
using FederatedGateway.Core.Planning.Selections;

namespace FederatedGateway.Core.Planning.Nodes;

/// <summary>
/// One request to one subgraph. A root fetch's data merges into the response root; an entity fetch
/// (<see cref="Requirements"/> not empty, always under a <see cref="FlattenNode"/>) sends
/// <c>$representations</c> and merges <c>_entities</c> back into the objects they came from.
/// The document sent (<see cref="Operation"/>) is printed from the structure once, when the node is made.
/// </summary>
public sealed class FetchNode : PlanNode
{
    public FetchNode(
        string serviceName,
        OperationKind operationKind,
        string? operationName,
        IReadOnlyList<VariableDefinition> variables,
        IReadOnlyList<EntityRequirement> requirements,
        PlanSelectionSet selectionSet)
    {
        ServiceName = serviceName;
        OperationKind = operationKind;
        OperationName = operationName;
        Variables = variables;
        Requirements = requirements;
        SelectionSet = selectionSet;
        var usages = new string[variables.Count];
        for (var i = 0; i < usages.Length; i++)
        {
            usages[i] = variables[i].Name;
        }

        VariableUsages = usages;
        Operation = FetchOperationPrinter.Print(this);
    }

    public string ServiceName { get; }

    /// <summary>
    /// The fetch's number in its plan (1, 2, … in plan order), 0 for a node not made by the planner. With
    /// <see cref="DependsOn"/> it lets an executor start each fetch as soon as the fetches it needs are done, instead of
    /// after the whole previous step of the <see cref="SequenceNode"/>.
    /// </summary>
    public int Id { get; init; }

    /// <summary>
    /// The <see cref="Id"/>s of the fetches whose answers this one needs (the objects it is sent for, the key and
    /// <c>@requires</c> fields of its representations, the mutation before it); all earlier in plan order.
    /// </summary>
    public IReadOnlyList<int> DependsOn { get; init; } = Array.Empty<int>();

    /// <summary>Query, mutation or subscription (an entity fetch is a query).</summary>
    public OperationKind OperationKind { get; }

    /// <summary>The name the subgraph sees (<c>Client__subgraph__n</c>); null when the client's operation has none.</summary>
    public string? OperationName { get; }

    /// <summary>The client variables this fetch forwards (excluding <c>$representations</c>), as declared.</summary>
    public IReadOnlyList<VariableDefinition> Variables { get; }

    /// <summary>The names of <see cref="Variables"/>.</summary>
    public IReadOnlyList<string> VariableUsages { get; }

    public IReadOnlyList<EntityRequirement> Requirements { get; }

    public bool IsEntityFetch => Requirements.Count > 0;

    /// <summary>What the fetch selects: on the root type, or (entity fetch) under <c>_entities</c>, one fragment per entity type.</summary>
    public PlanSelectionSet SelectionSet { get; }

    /// <summary>The complete GraphQL document sent to the subgraph (printed from the structure).</summary>
    public string Operation { get; }

    private IReadOnlyList<FilledField>? _filledFields;

    /// <summary>
    /// The client fields this fetch fills in: set by the planner, which knows which fields the client asked for;
    /// otherwise read from <see cref="SelectionSet"/> once, when first asked (every field not under an internal name).
    /// </summary>
    public IReadOnlyList<FilledField> FilledFields
    {
        get => _filledFields ??= FilledField.Read(SelectionSet);
        init => _filledFields = value;
    }
}
