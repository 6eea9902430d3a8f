using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FederatedGateway.Core.Schema;
using GraphQL;
using GraphQL.Resolvers;
using GraphQL.SystemTextJson;
using GraphQL.Types;

namespace FederatedGateway.DifferentialTests;

/// <summary>
/// Builds the monolith's store: one full-expansion query per root field (every field, every argument
/// variant, to the depth limit) answered once at test start; the answers are rewritten into records
/// keyed by field + argument values.
/// </summary>
public static class SnapshotBuilder
{
    public static List<(string Query, Dictionary<string, string> Aliases)> Queries(ApiModel model, int maxDepth)
    {
        var result = new List<(string, Dictionary<string, string>)>();
        var query = model.Schema.GetType(model.Schema.QueryType);
        foreach (var field in model.VisibleFields(query))
        {
            var aliases = new Dictionary<string, string>(StringComparer.Ordinal);
            var sb = new StringBuilder("{ ");
            AppendField(model, query, field, 0, maxDepth, sb, aliases);
            sb.Append(" }");
            result.Add((sb.ToString(), aliases));
        }

        return result;
    }

    private static void AppendField(ApiModel model, SchemaType parent, SchemaField field, int depth, int maxDepth, StringBuilder sb, Dictionary<string, string> aliases)
    {
        var named = model.Named(field.Type);
        if (!named.IsLeaf && depth >= maxDepth) return;
        foreach (var combo in model.ArgumentCombinations(parent, field))
        {
            var alias = "s" + aliases.Count;
            aliases[alias] = ApiModel.StorageKey(field.Name, combo);
            sb.Append(alias).Append(": ").Append(field.Name).Append(model.ArgumentText(field, combo)).Append(' ');
            if (!named.IsLeaf)
            {
                sb.Append("{ __typename ");
                foreach (var possible in model.PossibleTypes(named))
                {
                    var t = model.Schema.GetType(possible);
                    sb.Append("... on ").Append(possible).Append(" { ");
                    foreach (var f in model.VisibleFields(t)) AppendField(model, t, f, depth + 1, maxDepth, sb, aliases);
                    sb.Append("} ");
                }

                sb.Append("} ");
            }
        }
    }

    /// <summary>Renames snapshot aliases to storage keys, merging into <paramref name="root"/>.</summary>
    public static void Merge(JsonObject root, JsonObject data, Dictionary<string, string> aliases)
    {
        foreach (var (k, v) in data)
            root[aliases[k]] = Rename(v, aliases);
    }

    private static JsonNode? Rename(JsonNode? node, Dictionary<string, string> aliases) => node switch
    {
        JsonObject o => new JsonObject(o.Select(kv => KeyValuePair.Create(kv.Key == "__typename" ? kv.Key : aliases[kv.Key], Rename(kv.Value, aliases)))),
        JsonArray a => new JsonArray(a.Select(x => Rename(x, aliases)).ToArray()),
        _ => node?.DeepClone(),
    };
}

/// <summary>A monolithic GraphQL.NET server over the API schema, answering from the snapshot store.</summary>
public sealed class Monolith
{
    private readonly ISchema _schema;
    private readonly JsonObject _root;
    private readonly DocumentExecuter _executer = new();
    private readonly GraphQLSerializer _serializer = new();

    public Monolith(ApiModel model, string apiSdl, JsonObject root)
    {
        _root = root;
        ISchema? built = null;
        built = Schema.For(apiSdl, b =>
        {
            foreach (var type in model.Schema.Types.Values.Where(ApiModel.IsVisibleType))
            {
                if (type.IsAbstract)
                {
                    b.Types.For(type.Name).ResolveType = o => built!.AllTypes[((JsonObject)o)["__typename"]!.GetValue<string>()] as IObjectGraphType ?? throw new InvalidOperationException("unknown type");
                }
                else if (type.Kind == TypeKind.Object)
                {
                    foreach (var f in model.VisibleFields(type))
                    {
                        var field = f;
                        var args = model.VisibleArguments(field).Select(a => (a.Name, Enum: model.Named(a.Type).Kind == TypeKind.Enum)).ToList();
                        b.Types.For(type.Name).FieldFor(field.Name).Resolver = new FuncFieldResolver<object?>(ctx =>
                        {
                            var literals = args.Select(a =>
                            {
                                if (ctx.Arguments is null || !ctx.Arguments.TryGetValue(a.Name, out var av) || av.Value is null || av.Source == GraphQL.Execution.ArgumentSource.FieldDefault)
                                    return null;
                                return a.Enum ? av.Value.ToString() : Literal(av.Value);
                            });
                            var source = ctx.Source as JsonObject ?? throw new InvalidOperationException("no source");
                            var key = ApiModel.StorageKey(field.Name, literals);
                            if (!source.TryGetPropertyValue(key, out var value))
                                throw new InvalidOperationException($"snapshot lacks {key}");
                            return Convert(value, field.Type.NamedType);
                        });
                    }
                }
            }
        });
        _schema = built;
        _schema.Initialize();
    }

    private static string Literal(object v) => v switch
    {
        string s => JsonSerializer.Serialize(s),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => v.ToString()!,
    };

    private static object? Convert(JsonNode? node, string namedType) => node switch
    {
        null => null,
        JsonObject o => o,
        JsonArray a => a.Select(x => Convert(x, namedType)).ToList(),
        JsonValue v => v.GetValueKind() switch
        {
            // GraphQL.NET's built-in DateTime scalar takes the subgraph's round-trip text back as a DateTime.
            JsonValueKind.String when namedType == "DateTime" => DateTime.Parse(v.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
            JsonValueKind.String => v.GetValue<string>(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Number => namedType == "Int" ? (object)v.GetValue<int>() : v.GetValue<double>(),
            _ => null,
        },
        _ => null,
    };

    public async Task<string> ExecuteAsync(string query, JsonObject variables)
    {
        var result = await _executer.ExecuteAsync(o =>
        {
            o.Schema = _schema;
            o.Query = query;
            o.Root = _root;
            o.Variables = _serializer.Deserialize<Inputs>(variables.ToJsonString());
        }).ConfigureAwait(false);
        if (result.Errors is { Count: > 0 } errs && errs[0].InnerException is { } inner && Environment.GetEnvironmentVariable("DIFF_DEBUG") == "1")
            throw inner;
        return _serializer.Serialize(result);
    }
}
