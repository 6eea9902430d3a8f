namespace FederatedGateway.Core.Planning.Nodes;

/// <summary>Runs <see cref="IfClause"/> when the Boolean variable is true, else <see cref="ElseClause"/>.</summary>
public sealed class ConditionNode : PlanNode
{
    public ConditionNode(string variable, PlanNode? ifClause, PlanNode? elseClause)
    {
        Variable = variable;
        IfClause = ifClause;
        ElseClause = elseClause;
    }

    public string Variable { get; }

    public PlanNode? IfClause { get; }

    public PlanNode? ElseClause { get; }
}
