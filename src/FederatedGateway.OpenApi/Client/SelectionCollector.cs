using System.Text.Json;
using GraphQLParser.AST;

namespace FederatedGateway.OpenApi.Client;

/// <summary>
/// The spec's CollectFields over a subgraph operation: fields grouped by response key in order, fragments applied
/// when their type condition is the object's type (or a union it belongs to), <c>@skip</c>/<c>@include</c> decided
/// with the request's variables.
/// </summary>
internal sealed class SelectionCollector
{
    private readonly IReadOnlyDictionary<string, GraphQLFragmentDefinition> _fragments;
    private readonly JsonElement _variables;
    private readonly Dictionary<(List<GraphQLField> Fields, string Type), List<(string Key, List<GraphQLField> Fields)>> _below = new(new FieldsAndType());

    public SelectionCollector(IReadOnlyDictionary<string, GraphQLFragmentDefinition> fragments, JsonElement variables)
    {
        _fragments = fragments;
        _variables = variables;
    }

    /// <summary>
    /// The fields selected below <paramref name="fields"/> (one response key's fields) on an object of
    /// <paramref name="typeName"/>, collected once per request: every item of a list asks the same (measured: 100
    /// entities of a batch lookup wrote with 259 KB allocated before, most of it these collections).
    /// </summary>
    public List<(string Key, List<GraphQLField> Fields)> Below(List<GraphQLField> fields, string typeName, ICollection<string> unions)
    {
        if (!_below.TryGetValue((fields, typeName), out var collected))
        {
            collected = Collect(fields.Where(f => f.SelectionSet is not null).Select(f => f.SelectionSet!), typeName, unions);
            _below[(fields, typeName)] = collected;
        }

        return collected;
    }

    /// <param name="typeName">The object's type.</param>
    /// <param name="unions">The unions the object's type belongs to (fragments on them apply too).</param>
    public List<(string Key, List<GraphQLField> Fields)> Collect(IEnumerable<GraphQLSelectionSet> sets, string typeName, ICollection<string> unions)
    {
        var order = new List<(string Key, List<GraphQLField> Fields)>();
        var byKey = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var set in sets)
        {
            Visit(set);
        }

        return order;

        void Visit(GraphQLSelectionSet set)
        {
            foreach (var selection in set.Selections)
            {
                if (!Included((selection as IHasDirectivesNode)?.Directives))
                {
                    continue;
                }

                switch (selection)
                {
                    case GraphQLField field:
                        var key = field.Alias?.Name.StringValue ?? field.Name.StringValue;
                        if (byKey.TryGetValue(key, out var index))
                        {
                            order[index].Fields.Add(field);
                        }
                        else
                        {
                            byKey[key] = order.Count;
                            order.Add((key, [field]));
                        }

                        break;
                    case GraphQLInlineFragment inline when Applies(inline.TypeCondition?.Type.Name.StringValue):
                        Visit(inline.SelectionSet);
                        break;
                    case GraphQLFragmentSpread spread
                        when _fragments.TryGetValue(spread.FragmentName.Name.StringValue, out var fragment) && Applies(fragment.TypeCondition.Type.Name.StringValue):
                        Visit(fragment.SelectionSet);
                        break;
                }
            }
        }

        bool Applies(string? condition) => condition is null || condition == typeName || unions.Contains(condition);
    }

    private bool Included(GraphQLDirectives? directives)
    {
        foreach (var directive in directives?.Items ?? [])
        {
            var name = directive.Name.StringValue;
            if (name is not ("skip" or "include"))
            {
                continue;
            }

            var condition = directive.Arguments?.Items.FirstOrDefault(a => a.Name.StringValue == "if")?.Value switch
            {
                GraphQLBooleanValue literal => literal.BoolValue,
                GraphQLVariable variable => _variables.ValueKind == JsonValueKind.Object
                    && _variables.TryGetProperty(variable.Name.StringValue, out var value) && value.ValueKind == JsonValueKind.True,
                _ => false,
            };
            if (condition != (name == "include"))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The same list of fields (by reference) and the same type.</summary>
    private sealed class FieldsAndType : IEqualityComparer<(List<GraphQLField> Fields, string Type)>
    {
        public bool Equals((List<GraphQLField> Fields, string Type) x, (List<GraphQLField> Fields, string Type) y) =>
            ReferenceEquals(x.Fields, y.Fields) && string.Equals(x.Type, y.Type, StringComparison.Ordinal);

        public int GetHashCode((List<GraphQLField> Fields, string Type) obj) =>
            HashCode.Combine(System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj.Fields), obj.Type);
    }
}
