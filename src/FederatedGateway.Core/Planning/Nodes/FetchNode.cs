namespace FederatedGateway.Core.Planning.Nodes;

/// <summary>
/// One request to one subgraph. A root fetch's data merges into the response root; an entity fetch
/// (<see cref="Requirements"/> not empty, always under a <see cref="FlattenNode"/>) sends
/// <c>$representations</c> and merges <c>_entities</c> back into the objects they came from.
/// </summary>
public sealed class FetchNode : PlanNode
{
    public FetchNode(
        string serviceName,
        string operation,
        string operationKind,
        IReadOnlyList<string> variableUsages,
        IReadOnlyList<EntityRequirement> requirements,
        string printedSelection,
        string? printedRequirements)
    {
        ServiceName = serviceName;
        Operation = operation;
        OperationKind = operationKind;
        VariableUsages = variableUsages;
        Requirements = requirements;
        PrintedSelection = printedSelection;
        PrintedRequirements = printedRequirements;
    }

    public string ServiceName { get; }

    /// <summary>The complete GraphQL document sent to the subgraph.</summary>
    public string Operation { get; }

    /// <summary><c>query</c>, <c>mutation</c> or <c>subscription</c>.</summary>
    public string OperationKind { get; }

    /// <summary>Client variables this fetch forwards (excluding <c>$representations</c>).</summary>
    public IReadOnlyList<string> VariableUsages { get; }

    public IReadOnlyList<EntityRequirement> Requirements { get; }

    public bool IsEntityFetch => Requirements.Count > 0;

    /// <summary>The fetch's selection in the compact form used by the plan printer.</summary>
    public string PrintedSelection { get; }

    /// <summary>The representation selection for entity fetches (plan printer).</summary>
    public string? PrintedRequirements { get; }

    private IReadOnlyList<FilledField>? _filledFields;

    /// <summary>
    /// The client fields this fetch fills in: set by the planner, which knows which fields the client asked for;
    /// otherwise read from <see cref="Operation"/> once, when first asked (every field not under an internal name).
    /// </summary>
    public IReadOnlyList<FilledField> FilledFields
    {
        get => _filledFields ??= FilledField.Read(Operation, IsEntityFetch);
        init => _filledFields = value;
    }
}
