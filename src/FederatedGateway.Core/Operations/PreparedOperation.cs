using FederatedGateway.Core.Operations.VariableUsages;
using FederatedGateway.Core.Planning;
using GraphQLParser.AST;

namespace FederatedGateway.Core.Operations;

/// <summary>
/// A parsed, validated, normalized and planned operation: everything that depends only on the document,
/// the operation name and the schema snapshot, so it is cached and shared between requests.
/// </summary>
public sealed class PreparedOperation
{
    public PreparedOperation(
        OperationKind kind,
        string? name,
        string rootType,
        SelectionSet rootSelection,
        IReadOnlyList<VariableDefinition> variables,
        GraphQLDocument document,
        GraphQLOperationDefinition definition,
        QueryPlan plan,
        IReadOnlyList<NullableVariableInNonNullPosition>? nullableInNonNull = null)
    {
        NullableInNonNullPositions = nullableInNonNull ?? Array.Empty<NullableVariableInNonNullPosition>();
        Kind = kind;
        Name = name;
        RootType = rootType;
        RootSelection = rootSelection;
        Variables = variables;
        Document = document;
        Definition = definition;
        Plan = plan;
        HasIntrospection = ContainsIntrospection(rootSelection);
    }

    public OperationKind Kind { get; }

    public string? Name { get; }

    public string RootType { get; }

    /// <summary>The client's selection, fragments inlined; the response writer projects it over the merged data.</summary>
    public SelectionSet RootSelection { get; }

    public IReadOnlyList<VariableDefinition> Variables { get; }

    public GraphQLDocument Document { get; }

    public GraphQLOperationDefinition Definition { get; }

    public QueryPlan Plan { get; }

    /// <summary>Nullable variables used where a non-null value is required (allowed by a default): an explicit null for one is refused.</summary>
    public IReadOnlyList<NullableVariableInNonNullPosition> NullableInNonNullPositions { get; }

    /// <summary>True when the root selection asks for <c>__schema</c> or <c>__type</c>.</summary>
    public bool HasIntrospection { get; }

    private static bool ContainsIntrospection(SelectionSet selectionSet)
    {
        foreach (var selection in selectionSet.Selections)
        {
            switch (selection)
            {
                case FieldSelection { Name: "__schema" or "__type" }:
                    return true;
                case InlineFragmentSelection fragment when ContainsIntrospection(fragment.SelectionSet):
                    return true;
            }
        }

        return false;
    }
}
