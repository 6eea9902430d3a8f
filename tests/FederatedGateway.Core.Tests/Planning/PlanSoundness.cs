using FederatedGateway.Core.Operations;
using FederatedGateway.Core.Planning.Nodes;
using FederatedGateway.Core.Planning.Selections;
using FederatedGateway.Core.Schema;

namespace FederatedGateway.Core.Tests.Planning;

/// <summary>
/// Checks a plan's soundness from its structure: every fetch's selection is valid for its subgraph (each selected field is one the
/// subgraph declares), a field with <c>@requires</c> is only fetched with its requirements in the representation,
/// entity fetches come after the fetch that produced their objects, and every field the operation selects is
/// fetched by some subgraph.
/// </summary>
internal static class PlanSoundness
{
    public static void Check(FederatedSchema schema, PreparedOperation operation)
    {
        var fetches = new List<(FetchNode Fetch, int Order)>();
        Collect(operation.Plan.Root, fetches, 0);
        foreach (var (fetch, _) in fetches)
        {
            Assert.Contains(fetch.ServiceName, schema.SubgraphsByName.Keys);
            CheckDocument(fetch);
            var parentType = fetch.IsEntityFetch ? "_Entity" : operation.RootType;
            if (fetch.IsEntityFetch)
            {
                Assert.All(fetch.SelectionSet.Selections, s => Assert.NotNull(Assert.IsType<PlanInlineFragment>(s).TypeCondition));
            }

            CheckSelection(schema, fetch.ServiceName, fetch.IsEntityFetch ? null : parentType, fetch.SelectionSet);
            FetchFieldsMerge.Check(schema, fetch.ServiceName, new[] { (parentType, fetch.SelectionSet) });
        }

        CheckRequirements(schema, fetches.Select(f => f.Fetch));
        CheckCoverage(schema, operation, fetches.Select(f => f.Fetch).ToList());
    }

    /// <summary>The document printed from the structure is one GraphQL operation of the fetch's kind.</summary>
    private static void CheckDocument(FetchNode fetch)
    {
        var definition = Assert.IsAssignableFrom<GraphQLParser.AST.GraphQLOperationDefinition>(Assert.Single(GraphQLParser.Parser.Parse(fetch.Operation).Definitions));
        Assert.Equal(fetch.OperationKind.ToString(), definition.Operation.ToString());
    }

    /// <summary>A fetched field with @requires in its subgraph has the required fields in the representation.</summary>
    private static void CheckRequirements(FederatedSchema schema, IEnumerable<FetchNode> fetches)
    {
        foreach (var fetch in fetches.Where(f => f.IsEntityFetch))
        {
            foreach (var fragment in fetch.SelectionSet.Selections.OfType<PlanInlineFragment>())
            {
                var typeName = fragment.TypeCondition!;
                var type = schema.GetType(typeName);
                foreach (var field in fragment.SelectionSet.Selections.OfType<PlanField>())
                {
                    var requires = type.FindField(field.Name)?.Graphs.GetValueOrDefault(fetch.ServiceName)?.RequiresSelection;
                    if (requires is null)
                    {
                        continue;
                    }

                    var requirement = fetch.Requirements.FirstOrDefault(r => r.TypeCondition == typeName || schema.Satisfies(typeName, r.TypeCondition));
                    Assert.True(requirement is not null, $"{fetch.ServiceName} fetches {typeName}.{field.Name} without a representation for {typeName}");
                    var sent = requirement!.Selection.SelectionSet.Selections.OfType<PlanField>().Select(f => f.Name).ToHashSet();
                    foreach (var needed in requires.Selections.OfType<FieldSelection>())
                    {
                        Assert.True(sent.Contains(needed.Name), $"{fetch.ServiceName} fetches {typeName}.{field.Name} without its required {needed.Name}");
                    }
                }
            }
        }
    }

    /// <summary>Every field the client selects (except __typename and introspection) is fetched somewhere.</summary>
    private static void CheckCoverage(FederatedSchema schema, PreparedOperation operation, List<FetchNode> fetches)
    {
        var fetched = new HashSet<string>(StringComparer.Ordinal);
        var fetchedTypes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var fetch in fetches)
        {
            CollectNames(fetch.SelectionSet, fetched, fetchedTypes);
        }

        // A fragment on an object type no fetch asks for was left out on purpose (no subgraph on that path can
        // return the type safely): its fields are not owed.
        var root = new HashSet<string>(StringComparer.Ordinal) { operation.RootSelection.ParentType };
        foreach (var name in ClientFields(schema, operation.RootSelection, fetchedTypes, root))
        {
            Assert.True(fetched.Contains(name), $"No fetch selects the client's field {name}");
        }
    }

    private static void CollectNames(PlanSelectionSet set, HashSet<string> names, HashSet<string> types)
    {
        foreach (var selection in set.Selections)
        {
            switch (selection)
            {
                case PlanField field:
                    names.Add(field.Name);
                    if (field.SelectionSet is not null)
                    {
                        CollectNames(field.SelectionSet, names, types);
                    }

                    break;
                case PlanInlineFragment fragment:
                    if (fragment.TypeCondition is not null)
                    {
                        types.Add(fragment.TypeCondition);
                    }

                    CollectNames(fragment.SelectionSet, names, types);
                    break;
            }
        }
    }

    /// <summary>
    /// The client's field names, leaving out fragments that can never apply: <paramref name="runtimeTypes"/> are the
    /// object types the selection set may meet (a fragment on Movie nested in a fragment on Book selects nothing).
    /// </summary>
    private static IEnumerable<string> ClientFields(FederatedSchema schema, SelectionSet set, HashSet<string> fetchedTypes, HashSet<string> runtimeTypes)
    {
        foreach (var selection in set.Selections)
        {
            switch (selection)
            {
                case FieldSelection { IsTypename: true } or FieldSelection { Name: "__schema" or "__type" }:
                    break;
                case FieldSelection field:
                    yield return field.Name;
                    if (field.SelectionSet is not null)
                    {
                        foreach (var inner in ClientFields(schema, field.SelectionSet, fetchedTypes, RuntimeTypes(schema, field.SelectionSet.ParentType)))
                        {
                            yield return inner;
                        }
                    }

                    break;
                case InlineFragmentSelection { TypeCondition: { } condition } when schema.GetType(set.ParentType).IsAbstract
                    && schema.GetType(condition).Kind == TypeKind.Object && !fetchedTypes.Contains(condition):
                    break;
                case InlineFragmentSelection fragment:
                    var narrowed = fragment.TypeCondition is { } on ? runtimeTypes.Intersect(RuntimeTypes(schema, on)).ToHashSet(StringComparer.Ordinal) : runtimeTypes;
                    foreach (var inner in narrowed.Count == 0 ? [] : ClientFields(schema, fragment.SelectionSet, fetchedTypes, narrowed))
                    {
                        yield return inner;
                    }

                    break;
            }
        }
    }

    private static HashSet<string> RuntimeTypes(FederatedSchema schema, string typeName) =>
        schema.GetType(typeName).Kind == TypeKind.Object
            ? new HashSet<string>(StringComparer.Ordinal) { typeName }
            : schema.PossibleTypes(typeName).ToHashSet(StringComparer.Ordinal);

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
            case SubscriptionNode s:
                fetches.Add((s.Primary, order));
                Collect(s.Rest, fetches, order + 1);
                break;
        }
    }

    private static void CheckSelection(FederatedSchema schema, string subgraph, string? parentType, PlanSelectionSet selectionSet)
    {
        foreach (var selection in selectionSet.Selections)
        {
            switch (selection)
            {
                case PlanInlineFragment fragment:
                    var condition = fragment.TypeCondition ?? parentType;
                    Assert.NotNull(condition);
                    Assert.True(schema.GetType(condition!).Graphs.ContainsKey(subgraph), $"{subgraph} does not know type {condition}");
                    CheckSelection(schema, subgraph, condition, fragment.SelectionSet);
                    break;
                case PlanField { IsTypename: true }:
                    break;
                case PlanField field:
                    Assert.NotNull(parentType);
                    var type = schema.GetType(parentType!);
                    var definition = type.FindField(field.Name);
                    Assert.True(definition is not null, $"{parentType}.{field.Name} does not exist");
                    Assert.True(definition!.Graphs.ContainsKey(subgraph), $"{subgraph} does not declare {parentType}.{field.Name}");
                    Assert.Equal(definition.Type.NamedType, field.SelectionSet?.ParentType ?? definition.Type.NamedType);
                    if (field.SelectionSet is not null)
                    {
                        CheckSelection(schema, subgraph, definition.Type.NamedType, field.SelectionSet);
                    }

                    break;
            }
        }
    }
}
