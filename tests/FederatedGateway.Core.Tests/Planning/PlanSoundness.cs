using FederatedGateway.Core.Operations;
using FederatedGateway.Core.Planning.Nodes;
using FederatedGateway.Core.Schema;

namespace FederatedGateway.Core.Tests.Planning;

/// <summary>
/// Checks a plan's soundness: every fetch document is valid for its subgraph (each selected field is one the
/// subgraph declares and can resolve, or an entity key it was sent), and entity fetches only come after the
/// fetch that produced the objects they extend.
/// </summary>
internal static class PlanSoundness
{
    public static void Check(FederatedSchema schema, PreparedOperation operation)
    {
        var fetches = new List<(FetchNode Fetch, int Order)>();
        Collect(operation.Plan.Root, fetches, 0);
        foreach (var (fetch, _) in fetches)
        {
            var document = GraphQLParser.Parser.Parse(fetch.Operation);
            Assert.Single(document.Definitions);
            Assert.Contains(fetch.ServiceName, schema.SubgraphsByName.Keys);
            var op = (GraphQLParser.AST.GraphQLOperationDefinition)document.Definitions[0];
            var rootType = fetch.IsEntityFetch ? null : operation.RootType;
            if (fetch.IsEntityFetch)
            {
                var entities = Assert.IsAssignableFrom<GraphQLParser.AST.GraphQLField>(Assert.Single(op.SelectionSet.Selections));
                Assert.Equal("_entities", entities.Name.StringValue);
                CheckSelection(schema, fetch.ServiceName, null, entities.SelectionSet!);
            }
            else
            {
                CheckSelection(schema, fetch.ServiceName, rootType, op.SelectionSet);
            }
        }
    }

    private static void Collect(PlanNode? node, List<(FetchNode, int)> fetches, int order)
    {
        switch (node)
        {
            case FetchNode f:
                fetches.Add((f, order));
                break;
            case FlattenNode f:
                Assert.True(order > 0, "An entity fetch cannot run first.");
                fetches.Add((f.Node, order));
                break;
            case SequenceNode s:
                for (var i = 0; i < s.Nodes.Count; i++)
                {
                    Collect(s.Nodes[i], fetches, order + i);
                }

                break;
            case ParallelNode p:
                foreach (var n in p.Nodes)
                {
                    Collect(n, fetches, order);
                }

                break;
            case ConditionNode c:
                Collect(c.IfClause, fetches, order);
                Collect(c.ElseClause, fetches, order);
                break;
        }
    }

    private static void CheckSelection(FederatedSchema schema, string subgraph, string? parentType, GraphQLParser.AST.GraphQLSelectionSet selectionSet)
    {
        foreach (var selection in selectionSet.Selections)
        {
            switch (selection)
            {
                case GraphQLParser.AST.GraphQLInlineFragment fragment:
                    var condition = fragment.TypeCondition?.Type.Name.StringValue ?? parentType;
                    Assert.NotNull(condition);
                    Assert.True(schema.GetType(condition!).Graphs.ContainsKey(subgraph), $"{subgraph} does not know type {condition}");
                    CheckSelection(schema, subgraph, condition, fragment.SelectionSet);
                    break;
                case GraphQLParser.AST.GraphQLField field:
                    var name = field.Name.StringValue;
                    if (name == "__typename")
                    {
                        break;
                    }

                    Assert.NotNull(parentType);
                    var type = schema.GetType(parentType!);
                    var definition = type.FindField(name);
                    Assert.True(definition is not null, $"{parentType}.{name} does not exist");
                    Assert.True(definition!.Graphs.ContainsKey(subgraph), $"{subgraph} does not declare {parentType}.{name}");
                    if (field.SelectionSet is not null)
                    {
                        CheckSelection(schema, subgraph, definition.Type.NamedType, field.SelectionSet);
                    }

                    break;
            }
        }
    }
}
