using System.Collections.Frozen;
using System.Globalization;
using GraphQLParser;
using GraphQLParser.AST;

namespace FederatedGateway.Core.Cost;

/// <summary>
/// The demand-control directives of a supergraph (IBM's cost specification as Apollo composes it: <c>@cost(weight:)</c>
/// on fields, arguments, input fields and types, <c>@listSize</c> on fields), read once from the supergraph document.
/// Names imported under another name through the cost spec's <c>@link</c> are followed. Immutable.
/// </summary>
public sealed class CostDirectives
{
    private const string CostSpec = "https://specs.apollo.dev/cost/";

    private readonly FrozenDictionary<string, double> _weights;
    private readonly FrozenDictionary<string, ListSizeDirective> _listSizes;

    private CostDirectives(Dictionary<string, double> weights, Dictionary<string, ListSizeDirective> listSizes)
    {
        _weights = weights.ToFrozenDictionary(StringComparer.Ordinal);
        _listSizes = listSizes.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public static CostDirectives None { get; } = new([], []);

    /// <summary>Whether the supergraph declares any cost directive.</summary>
    public bool IsEmpty => _weights.Count == 0 && _listSizes.Count == 0;

    /// <summary>The <c>@cost</c> weight of a type (<c>Type</c>), field (<c>Type.field</c>), argument (<c>Type.field(arg)</c>) or input field (<c>Input.field</c>).</summary>
    public double? Weight(string coordinate) => _weights.TryGetValue(coordinate, out var weight) ? weight : null;

    public ListSizeDirective? ListSize(string type, string field) => _listSizes.TryGetValue(type + "." + field, out var size) ? size : null;

    public static CostDirectives Read(string supergraphSdl)
    {
        ArgumentNullException.ThrowIfNull(supergraphSdl);
        var document = Parser.Parse(supergraphSdl);
        var (cost, listSize) = DirectiveNames(document);
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        var listSizes = new Dictionary<string, ListSizeDirective>(StringComparer.Ordinal);
        foreach (var definition in document.Definitions)
        {
            if (definition is not GraphQLTypeDefinition type)
            {
                continue;
            }

            var typeName = type.Name.StringValue;
            AddWeight(weights, typeName, (type as IHasDirectivesNode)?.Directives, cost);
            foreach (var field in Fields(type))
            {
                var coordinate = typeName + "." + field.Name.StringValue;
                AddWeight(weights, coordinate, field.Directives, cost);
                if (Find(field.Directives, listSize) is { } size)
                {
                    listSizes[coordinate] = ReadListSize(size);
                }

                foreach (var argument in field.Arguments?.Items ?? [])
                {
                    AddWeight(weights, coordinate + "(" + argument.Name.StringValue + ")", argument.Directives, cost);
                }
            }

            foreach (var inputField in (type as GraphQLInputObjectTypeDefinition)?.Fields?.Items ?? [])
            {
                AddWeight(weights, typeName + "." + inputField.Name.StringValue, inputField.Directives, cost);
            }
        }

        return weights.Count == 0 && listSizes.Count == 0 ? None : new CostDirectives(weights, listSizes);
    }

    private static IEnumerable<GraphQLFieldDefinition> Fields(GraphQLTypeDefinition type) => type switch
    {
        GraphQLObjectTypeDefinition o => o.Fields?.Items ?? [],
        GraphQLInterfaceTypeDefinition i => i.Fields?.Items ?? [],
        _ => [],
    };

    /// <summary>The names the supergraph uses for <c>@cost</c> and <c>@listSize</c> (renamed imports of the cost spec's <c>@link</c>).</summary>
    private static (HashSet<string> Cost, HashSet<string> ListSize) DirectiveNames(GraphQLDocument document)
    {
        var cost = new HashSet<string>(StringComparer.Ordinal) { "cost", "cost__cost" };
        var listSize = new HashSet<string>(StringComparer.Ordinal) { "listSize", "cost__listSize" };
        foreach (var link in document.Definitions.OfType<GraphQLSchemaExtension>().SelectMany(s => s.Directives?.Items ?? [])
                     .Concat(document.Definitions.OfType<GraphQLSchemaDefinition>().SelectMany(s => s.Directives?.Items ?? []))
                     .Where(d => d.Name.StringValue == "link"))
        {
            if (Argument(link, "url") is not GraphQLStringValue url || !url.Value.ToString().StartsWith(CostSpec, StringComparison.Ordinal)
                || Argument(link, "import") is not GraphQLListValue imports)
            {
                continue;
            }

            foreach (var item in imports.Values ?? [])
            {
                if (item is GraphQLObjectValue renamed && ObjectField(renamed, "name") is GraphQLStringValue name && ObjectField(renamed, "as") is GraphQLStringValue alias)
                {
                    (name.Value.ToString() == "@cost" ? cost : listSize).Add(alias.Value.ToString().TrimStart('@'));
                }
            }
        }

        return (cost, listSize);
    }

    private static void AddWeight(Dictionary<string, double> weights, string coordinate, GraphQLDirectives? directives, HashSet<string> names)
    {
        if (Find(directives, names) is { } directive && Argument(directive, "weight") is { } value && Number(value) is { } weight)
        {
            weights[coordinate] = weight;
        }
    }

    private static ListSizeDirective ReadListSize(GraphQLDirective directive) => new(
        Argument(directive, "assumedSize") is { } assumed && Number(assumed) is { } size ? (int)size : null,
        Strings(Argument(directive, "slicingArguments")),
        Strings(Argument(directive, "sizedFields")),
        Argument(directive, "requireOneSlicingArgument") is not GraphQLFalseBooleanValue);

    private static GraphQLDirective? Find(GraphQLDirectives? directives, HashSet<string> names) =>
        directives?.Items.FirstOrDefault(d => names.Contains(d.Name.StringValue));

    private static GraphQLValue? Argument(GraphQLDirective directive, string name) =>
        directive.Arguments?.Items.FirstOrDefault(a => a.Name.StringValue == name)?.Value;

    private static GraphQLValue? ObjectField(GraphQLObjectValue value, string name) =>
        value.Fields?.FirstOrDefault(f => f.Name.StringValue == name)?.Value;

    private static double? Number(GraphQLValue value) => value switch
    {
        GraphQLIntValue i => double.Parse(i.Value.Span, CultureInfo.InvariantCulture),
        GraphQLFloatValue f => double.Parse(f.Value.Span, CultureInfo.InvariantCulture),
        GraphQLStringValue s when double.TryParse(s.Value.Span, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => null,
    };

    private static IReadOnlyList<string> Strings(GraphQLValue? value) =>
        value is GraphQLListValue list ? (list.Values ?? []).OfType<GraphQLStringValue>().Select(s => s.Value.ToString()).ToArray() : [];
}
