using System.Text.Json.Nodes;
using FederatedGateway.Core.Operations;
using FederatedGateway.Core.Schema;
using FederatedGateway.Testing.Generation;
using GraphQLParser.AST;

namespace FederatedGateway.DifferentialTests.Monolith;

/// <summary>
/// The monolith's data: each field is read from the subgraph that resolves it, asked directly and field by field
/// (a root field, or <c>_entities</c> with a representation built from the object's key and <c>@requires</c>
/// fields, which are themselves read this way). No gateway code and no query plan is involved.
/// </summary>
public sealed class SubgraphDataSource
{
    private const string EntitiesQuery = "query($r: [_Any!]!) { _entities(representations: $r) { ";
    private readonly ApiModel _model;
    private readonly SubgraphClient _client;
    private readonly SelectionWriter _writer;

    public SubgraphDataSource(ApiModel model, SubgraphClient client)
    {
        _model = model;
        _client = client;
        _writer = new SelectionWriter(model);
        Root = new MonolithObject(model.Schema.QueryType, new JsonObject());
    }

    public MonolithObject Root { get; }

    private FederatedSchema Schema => _model.Schema;

    /// <summary>The field's value as the subgraph answered it (objects keyed by storage keys, with <c>__typename</c>).</summary>
    public async Task<JsonNode?> ResolveAsync(MonolithObject source, SchemaField field, IReadOnlyList<string?> literals)
    {
        var storageKey = ApiModel.StorageKey(field.Name, literals);
        if (source.Fields.TryGetPropertyValue(storageKey, out var known))
        {
            return known;
        }

        var type = Schema.GetType(source.TypeName);
        if (type.Name == Schema.QueryType)
        {
            var rootGraph = field.Graphs.Count == 0 ? type.Graphs.Keys.First() : field.Graphs.First(g => g.Value.IsResolvable).Key;
            var (aliases, alias, call) = Call(rootGraph, field, literals);
            var data = await _client.QueryAsync(rootGraph, "{ " + call + " }");
            return aliases.Rename(data[alias]);
        }

        var (graph, typeName) = EntitySubgraph(type, field);
        var representation = await RepresentationAsync(source, graph, typeName, field);
        var (entityAliases, entityAlias, entityCall) = Call(graph, field, literals);
        var answer = await _client.QueryAsync(graph, EntitiesQuery + "... on " + typeName + " { " + entityCall + " } } }", new JsonObject { ["r"] = new JsonArray(representation) });
        return answer["_entities"]![0] is JsonObject entity ? entityAliases.Rename(entity[entityAlias]) : null;
    }

    /// <summary>Turns a subgraph's object into a monolith object of its concrete type.</summary>
    public async Task<MonolithObject> WrapAsync(JsonObject value)
    {
        var typeName = value["__typename"]!.GetValue<string>();
        var type = Schema.GetType(typeName);
        if (type.Kind == TypeKind.Object)
        {
            return new MonolithObject(typeName, value);
        }

        // An @interfaceObject subgraph answers with the interface's name: a subgraph that has the interface itself knows the type.
        var graph = type.Graphs.First(g => !g.Value.IsInterfaceObject && g.Value.HasResolvableKey);
        var representation = new JsonObject { ["__typename"] = typeName };
        await MaterializeAsync(representation, new MonolithObject(typeName, value), graph.Value.Keys.First(k => k.Resolvable).Selection);
        var answer = await _client.QueryAsync(graph.Key, EntitiesQuery + "__typename } }", new JsonObject { ["r"] = new JsonArray(representation) });
        return new MonolithObject(answer["_entities"]![0]!["__typename"]!.GetValue<string>(), value);
    }

    private (AliasMap Aliases, string Alias, string Call) Call(string graph, SchemaField field, IReadOnlyList<string?> literals)
    {
        var aliases = new AliasMap();
        var alias = aliases.Add(ApiModel.StorageKey(field.Name, literals));
        var named = _model.Named(field.Type);
        var selection = named.IsLeaf ? string.Empty : " " + _writer.Write(graph, named, aliases);
        return (aliases, alias, alias + ": " + field.Name + _model.ArgumentText(field, literals) + selection);
    }

    /// <summary>A subgraph that resolves the field and can fetch the object by key: the type itself, or an @interfaceObject of it.</summary>
    private (string Graph, string TypeName) EntitySubgraph(SchemaType type, SchemaField field)
    {
        foreach (var (graph, inGraph) in type.Graphs)
        {
            if (inGraph.HasResolvableKey && FederationFacts.Resolves(type, field, graph))
            {
                return (graph, type.Name);
            }
        }

        foreach (var interfaceType in type.Interfaces.Select(Schema.GetType))
        {
            if (interfaceType.FindField(field.Name) is not { } interfaceField)
            {
                continue;
            }

            foreach (var (graph, inGraph) in interfaceType.Graphs)
            {
                if (inGraph.IsInterfaceObject && inGraph.HasResolvableKey && FederationFacts.Resolves(interfaceType, interfaceField, graph))
                {
                    return (graph, interfaceType.Name);
                }
            }
        }

        throw new InvalidOperationException($"No subgraph can fetch {type.Name}.{field.Name} by a key.");
    }

    private async Task<JsonObject> RepresentationAsync(MonolithObject source, string graph, string typeName, SchemaField field)
    {
        var typeInGraph = Schema.GetType(typeName);
        var representation = new JsonObject { ["__typename"] = typeName };
        await MaterializeAsync(representation, source, typeInGraph.Graphs[graph].Keys.First(k => k.Resolvable).Selection);
        if (typeInGraph.FindField(field.Name) is { } definition && FederationFacts.Requires(definition, graph) is { } requires)
        {
            await MaterializeAsync(representation, source, requires);
        }

        return representation;
    }

    /// <summary>Writes a selection (a key or a requirement) of <paramref name="source"/> into <paramref name="target"/>, fetching what is missing.</summary>
    private async Task MaterializeAsync(JsonObject target, MonolithObject source, SelectionSet selection)
    {
        foreach (var item in selection.Selections)
        {
            switch (item)
            {
                case FieldSelection { IsTypename: true } typename:
                    target[typename.ResponseName] = source.TypeName;
                    break;
                case FieldSelection field:
                    var definition = Schema.GetType(source.TypeName).Fields[field.Name];
                    var value = await ResolveAsync(source, definition, Literals(definition, field.Arguments));
                    target[field.ResponseName] = field.SelectionSet is null ? value?.DeepClone() : await MaterializeValueAsync(value, field.SelectionSet);
                    break;
                case InlineFragmentSelection fragment when fragment.TypeCondition is null || Schema.Satisfies(source.TypeName, fragment.TypeCondition):
                    await MaterializeAsync(target, source, fragment.SelectionSet);
                    break;
            }
        }
    }

    private async Task<JsonNode?> MaterializeValueAsync(JsonNode? value, SelectionSet selection)
    {
        switch (value)
        {
            case JsonArray list:
                var items = new List<JsonNode?>();
                foreach (var item in list)
                {
                    items.Add(await MaterializeValueAsync(item, selection));
                }

                return new JsonArray(items.ToArray());
            case JsonObject obj:
                var result = new JsonObject();
                await MaterializeAsync(result, await WrapAsync(obj), selection);
                return result;
            default:
                return null;
        }
    }

    /// <summary>The literals of a requirement's arguments, in the order of the field's visible arguments.</summary>
    private string?[] Literals(SchemaField definition, GraphQLArguments? arguments) =>
        _model.VisibleArguments(definition)
            .Select(a => arguments?.Items.FirstOrDefault(x => x.Name.StringValue == a.Name) is { } given ? Literal(given.Value) : null)
            .ToArray();

    private static string Literal(GraphQLValue value) => value switch
    {
        GraphQLStringValue s => System.Text.Json.JsonSerializer.Serialize(s.Value.ToString()),
        GraphQLIntValue i => i.Value.ToString(),
        GraphQLFloatValue f => f.Value.ToString(),
        GraphQLBooleanValue b => b.BoolValue ? "true" : "false",
        GraphQLEnumValue e => e.Name.StringValue,
        _ => throw new NotSupportedException("requirement argument " + value.Kind),
    };
}
