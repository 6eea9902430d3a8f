using System.Runtime.InteropServices;
using System.Text;
using FederatedGateway.Core.Planning.Nodes;
using FederatedGateway.Core.Planning.Selections;

namespace FederatedGateway.Core.Planning;

/// <summary>Prints a plan deterministically, in the shape of Apollo's query plans.</summary>
public static class QueryPlanPrinter
{
    public static string Print(QueryPlan plan)
    {
        var sb = new StringBuilder();
        sb.Append("QueryPlan {\n");
        if (plan.Root is not null)
        {
            Node(sb, plan.Root, 1);
            sb.Append('\n');
        }

        sb.Append('}');
        return sb.ToString();
    }

    private static void Node(StringBuilder sb, PlanNode node, int depth)
    {
        var indent = new string(' ', depth * 2);
        switch (node)
        {
            case SequenceNode sequence:
                Block(sb, indent, "Sequence", sequence.Nodes, depth);
                break;
            case ParallelNode parallel:
                Block(sb, indent, "Parallel", parallel.Nodes, depth);
                break;
            case FlattenNode flatten:
                if (flatten.Paths.Count == 1)
                {
                    sb.Append(indent).Append("Flatten(path: \"").Append(PathSegment.Print(flatten.Paths[0])).Append("\") {\n");
                }
                else
                {
                    sb.Append(indent).Append("Flatten(paths: [");
                    for (var i = 0; i < flatten.Paths.Count; i++)
                    {
                        sb.Append(i == 0 ? "\"" : ", \"").Append(PathSegment.Print(flatten.Paths[i])).Append('"');
                    }

                    sb.Append("]) {\n");
                }

                Node(sb, flatten.Node, depth + 1);
                sb.Append('\n').Append(indent).Append('}');
                break;
            case ConditionNode { IfClause: null, ElseClause: { } skipped } condition:
                sb.Append(indent).Append("Skip(if: $").Append(condition.Variable).Append(") {\n");
                Node(sb, skipped, depth + 1);
                sb.Append('\n').Append(indent).Append('}');
                break;
            case ConditionNode condition:
                sb.Append(indent).Append("Include(if: $").Append(condition.Variable).Append(") {\n");
                if (condition.IfClause is not null)
                {
                    Node(sb, condition.IfClause, depth + 1);
                    sb.Append('\n');
                }

                sb.Append(indent).Append('}');
                if (condition.ElseClause is not null)
                {
                    sb.Append(" Else {\n");
                    Node(sb, condition.ElseClause, depth + 1);
                    sb.Append('\n').Append(indent).Append('}');
                }

                break;
            case FetchNode fetch:
                Fetch(sb, fetch, indent);
                break;
            case SubscriptionNode subscription:
                sb.Append(indent).Append("Subscription {\n");
                sb.Append(indent).Append("  Primary: {\n");
                Fetch(sb, subscription.Primary, indent + "    ");
                sb.Append('\n').Append(indent).Append("  }");
                if (subscription.Rest is not null)
                {
                    sb.Append(",\n").Append(indent).Append("  Rest: {\n");
                    Node(sb, subscription.Rest, depth + 2);
                    sb.Append('\n').Append(indent).Append("  }");
                }

                sb.Append('\n').Append(indent).Append('}');
                break;
        }
    }

    private static void Fetch(StringBuilder sb, FetchNode fetch, string indent)
    {
        sb.Append(indent).Append("Fetch(service: \"").Append(fetch.ServiceName).Append("\") {\n");
        var margin = indent.Length + 2;
        if (fetch.IsEntityFetch)
        {
            var requirements = new PlanSelection[fetch.Requirements.Count];
            for (var i = 0; i < requirements.Length; i++)
            {
                requirements[i] = fetch.Requirements[i].Selection;
            }

            sb.Append(' ', margin);
            PlanSelectionPrinter.PrintIndented(sb, new PlanSelectionSet("_Entity", ImmutableCollectionsMarshal.AsImmutableArray(requirements)), margin);
            sb.Append(" =>\n");
        }

        sb.Append(' ', margin);
        PlanSelectionPrinter.PrintIndented(sb, fetch.SelectionSet, margin);
        sb.Append('\n').Append(indent).Append('}');
    }

    private static void Block(StringBuilder sb, string indent, string name, IReadOnlyList<PlanNode> nodes, int depth)
    {
        sb.Append(indent).Append(name).Append(" {\n");
        for (var i = 0; i < nodes.Count; i++)
        {
            Node(sb, nodes[i], depth + 1);
            sb.Append(i < nodes.Count - 1 ? ",\n" : "\n");
        }

        sb.Append(indent).Append('}');
    }
}
