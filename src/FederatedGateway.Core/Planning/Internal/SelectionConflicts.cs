using System.Text;
using GraphQLParser.Visitors;

namespace FederatedGateway.Core.Planning.Internal;

/// <summary>
/// Whether two fetch selections can travel in one subgraph request. GraphQL requires fields of one response name
/// to merge (same field, same arguments, or at least the same response shape), at every depth; selections planned
/// for different places of the operation (one entity type here, another there) may each be valid and still break
/// that rule together: <c>... on User { reviews { id } } ... on Product { reviews { id: body } } </c>.
/// Conservative: any two fields of one response name that differ in name, arguments or type conflict.
/// </summary>
internal static class SelectionConflicts
{
    public static bool Conflict(FetchSelectionSet a, FetchSelectionSet b)
    {
        var fieldsOfA = new Dictionary<string, List<FetchField>>(StringComparer.Ordinal);
        Collect(a, fieldsOfA);
        if (fieldsOfA.Count == 0)
        {
            return false;
        }

        var fieldsOfB = new Dictionary<string, List<FetchField>>(StringComparer.Ordinal);
        Collect(b, fieldsOfB);
        foreach (var (responseName, inB) in fieldsOfB)
        {
            if (!fieldsOfA.TryGetValue(responseName, out var inA))
            {
                continue;
            }

            foreach (var x in inA)
            {
                foreach (var y in inB)
                {
                    if (Conflict(x, y))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    private static bool Conflict(FetchField x, FetchField y)
    {
        if (x.Name != y.Name || x.Signature != y.Signature || Arguments(x) != Arguments(y))
        {
            return true;
        }

        return x.SelectionSet is not null && y.SelectionSet is not null && Conflict(x.SelectionSet, y.SelectionSet);
    }

    /// <summary>The fields of a selection by response name, fragments flattened (whatever their type condition).</summary>
    private static void Collect(FetchSelectionSet set, Dictionary<string, List<FetchField>> fields)
    {
        foreach (var item in set.Items)
        {
            switch (item)
            {
                case FetchField field:
                    var responseName = field.Alias ?? field.Name;
                    if (!fields.TryGetValue(responseName, out var list))
                    {
                        list = new List<FetchField>(1);
                        fields[responseName] = list;
                    }

                    list.Add(field);
                    break;
                case FetchFragment fragment:
                    Collect(fragment.SelectionSet, fields);
                    break;
            }
        }
    }

    private static string Arguments(FetchField field)
    {
        if (field.Arguments is not { Items.Count: > 0 })
        {
            return string.Empty;
        }

        var sb = new StringBuilder();
        var printer = new SDLPrinter();
        foreach (var argument in field.Arguments.Items)
        {
            sb.Append(argument.Name.StringValue).Append(':');
            printer.Print(argument.Value, sb);
            sb.Append(' ');
        }

        return sb.ToString();
    }
}
