using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using FederatedGateway.Core.Schema;
using FederatedGateway.Testing.Generation;
using GraphQL;
using GraphQL.Resolvers;
using GraphQL.SystemTextJson;
using GraphQL.Types;

namespace FederatedGateway.DifferentialTests.Monolith;

/// <summary>
/// One GraphQL.NET server over the client-facing schema whose every field resolver reads the subgraph that
/// owns the field (<see cref="SubgraphDataSource"/>): the reference the gateway's answers are compared with.
/// </summary>
public sealed class MonolithServer
{
    private readonly ISchema _schema;
    private readonly SubgraphDataSource _data;
    private readonly DocumentExecuter _executer = new();
    private readonly GraphQLSerializer _serializer = new();

    public MonolithServer(ApiModel model, string apiSdl, SubgraphDataSource data)
    {
        _data = data;
        ISchema? built = null;
        built = GraphQL.Types.Schema.For(apiSdl, builder =>
        {
            foreach (var type in model.Schema.Types.Values.Where(ApiModel.IsVisibleType))
            {
                if (type.IsAbstract)
                {
                    builder.Types.For(type.Name).ResolveType = o => built!.AllTypes[((MonolithObject)o).TypeName] as IObjectGraphType
                        ?? throw new InvalidOperationException("unknown type " + ((MonolithObject)o).TypeName);
                }
                else if (type.Kind == TypeKind.Object)
                {
                    foreach (var field in model.VisibleFields(type))
                    {
                        var config = builder.Types.For(type.Name).FieldFor(field.Name);
                        config.Resolver = Resolver(model, field);
                        if (type.Name == "Subscription")
                        {
                            // Generated operations are queries; subscription fields only need to exist in the schema.
                            config.StreamResolver = new GraphQL.Resolvers.SourceStreamResolver<object?>(
                                (Func<GraphQL.IResolveFieldContext, IObservable<object?>>)(_ => throw new NotSupportedException("The monolith answers queries and mutations only.")));
                        }
                    }
                }
            }
        });
        _schema = built;
        _schema.Initialize();
    }

    private FuncFieldResolver<object?> Resolver(ApiModel model, SchemaField field)
    {
        var arguments = model.VisibleArguments(field).Select(a => (a.Name, Enum: model.Named(a.Type).Kind == TypeKind.Enum)).ToList();
        return new FuncFieldResolver<object?>(async context =>
        {
            var literals = arguments.Select(a =>
            {
                if (context.Arguments is null || !context.Arguments.TryGetValue(a.Name, out var value) || value.Value is null
                    || value.Source == GraphQL.Execution.ArgumentSource.FieldDefault)
                {
                    return null;
                }

                return a.Enum ? value.Value.ToString() : Literal(value.Value);
            }).ToArray();
            var source = context.Source as MonolithObject ?? throw new InvalidOperationException("no source");
            return await ConvertAsync(await _data.ResolveAsync(source, field, literals), field.Type.NamedType);
        });
    }

    private static string Literal(object value) => value switch
    {
        string s => JsonSerializer.Serialize(s),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString()!,
    };

    private async Task<object?> ConvertAsync(JsonNode? node, string namedType)
    {
        switch (node)
        {
            case null:
                return null;
            case JsonObject obj:
                return await _data.WrapAsync(obj);
            case JsonArray list:
                var items = new List<object?>();
                foreach (var item in list)
                {
                    items.Add(await ConvertAsync(item, namedType));
                }

                return items;
            case JsonValue value:
                return value.GetValueKind() switch
                {
                    // GraphQL.NET's built-in DateTime scalar takes the subgraph's round-trip text back as a DateTime.
                    JsonValueKind.String when namedType == "DateTime" => DateTime.Parse(value.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
                    JsonValueKind.String => value.GetValue<string>(),
                    JsonValueKind.True => true,
                    JsonValueKind.False => false,
                    JsonValueKind.Number => namedType == "Int" ? (object)value.GetValue<int>() : value.GetValue<double>(),
                    _ => null,
                };
            default:
                return null;
        }
    }

    public async Task<string> ExecuteAsync(string query, JsonObject variables)
    {
        var result = await _executer.ExecuteAsync(o =>
        {
            o.Schema = _schema;
            o.Query = query;
            o.Root = _data.Root;
            o.Variables = _serializer.Deserialize<Inputs>(variables.ToJsonString());
        }).ConfigureAwait(false);
        if (result.Errors is { Count: > 0 } errors && errors[0].InnerException is { } inner && Environment.GetEnvironmentVariable("DIFF_DEBUG") == "1")
        {
            throw inner;
        }

        return _serializer.Serialize(result);
    }
}
