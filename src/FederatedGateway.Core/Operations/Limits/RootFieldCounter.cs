using GraphQLParser.AST;

namespace FederatedGateway.Core.Operations;

/// <summary>
/// Counts the fields an operation selects at its root, through inline fragments and fragment spreads (each named
/// fragment counted once, as field collection does, so a cycle cannot loop). Stops once the count passes the limit.
/// </summary>
internal static class RootFieldCounter
{
    public static bool Exceeds(GraphQLOperationDefinition operation, Dictionary<string, GraphQLFragmentDefinition> fragments, int limit)
    {
        var count = 0;
        var spread = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<GraphQLSelectionSet>();
        pending.Push(operation.SelectionSet);
        while (pending.TryPop(out var selectionSet))
        {
            foreach (var selection in selectionSet.Selections)
            {
                switch (selection)
                {
                    case GraphQLField:
                        if (++count > limit)
                        {
                            return true;
                        }

                        break;
                    case GraphQLInlineFragment inline:
                        pending.Push(inline.SelectionSet);
                        break;
                    case GraphQLFragmentSpread fragmentSpread:
                        var name = fragmentSpread.FragmentName.Name.StringValue;
                        if (spread.Add(name) && fragments.TryGetValue(name, out var fragment))
                        {
                            pending.Push(fragment.SelectionSet);
                        }

                        break;
                }
            }
        }

        return false;
    }
}
