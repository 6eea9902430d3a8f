using FederatedGateway.Core.CompositionConfig;
using FederatedGateway.Core.Text;
using FederatedGateway.Grpc.Options;
using YamlDotNet.RepresentationModel;

namespace FederatedGateway.Grpc.Overlay;

/// <summary>
/// Reads the <c>entities</c>, <c>messages</c> and <c>methods</c> options of a <c>grpc:</c> entry. Every key is checked:
/// an unknown one is an error naming the file, line and column, with the closest known key.
/// </summary>
internal sealed class GrpcOptionsOverlayReader : SourceOptionsReader
{
    private static readonly string[] s_entityKeys = ["key", "lookup", "batch_match"];
    private static readonly string[] s_messageKeys = ["graphql_name", "shareable", "fields"];
    private static readonly string[] s_fieldKeys =
        ["graphql_name", "graphql_type", "external", "shareable", "requires", "required", "hidden", "empty_as_null", "relation", "relation_field", "relation_key"];
    private static readonly string[] s_enumKeys = ["hidden"];
    private static readonly string[] s_methodKeys = ["kind", "graphql_name"];

    private GrpcOptionsOverlayReader(string file, string where)
        : base(file, where)
    {
    }

    /// <param name="grpc">The <c>grpc:</c> mapping.</param>
    /// <param name="where">The entry's description for messages (<c>subgraph "x": grpc</c>).</param>
    /// <exception cref="SupergraphConfigException">An option is unknown or has a value of the wrong kind.</exception>
    public static GrpcOptionsOverlay Read(YamlMappingNode grpc, string file, string where)
    {
        var reader = new GrpcOptionsOverlayReader(file, where);
        var overlay = new GrpcOptionsOverlay();
        foreach (var (name, node) in reader.Elements(grpc, "entities"))
        {
            var map = reader.Mapping(node, s_entityKeys, $"entity \"{name}\"");
            var options = new EntityOptions
            {
                Key = reader.Text(map, "key") ?? throw reader.Error(node, $"entity \"{name}\" needs a \"key\" (its @key field set, e.g. \"id\")."),
                Lookup = reader.Text(map, "lookup") ?? "",
                BatchMatch = reader.Choice(map, "batch_match", new Dictionary<string, BatchMatch> { ["by_key"] = BatchMatch.ByKey, ["by_position"] = BatchMatch.ByPosition }) ?? BatchMatch.Unspecified,
            };
            overlay.Entities[name] = new(options, reader.Place(node));
        }

        foreach (var (name, node) in reader.Elements(grpc, "messages"))
        {
            var map = reader.Mapping(node, s_messageKeys, $"message \"{name}\"");
            overlay.Messages[name] = new(new MessageOptions { GraphqlName = reader.Text(map, "graphql_name") ?? "", Shareable = reader.Flag(map, "shareable") }, reader.Place(node));
            if (Child(map, "fields") is not { } fields)
            {
                continue;
            }

            var byField = overlay.Fields[name] = new(StringComparer.Ordinal);
            foreach (var (field, fieldNode) in reader.Entries(fields, $"message \"{name}\" fields"))
            {
                var f = reader.Mapping(fieldNode, s_fieldKeys, $"field \"{name}.{field}\"");
                byField[field] = new(new FieldOptions
                {
                    GraphqlName = reader.Text(f, "graphql_name") ?? "",
                    GraphqlType = reader.Text(f, "graphql_type") ?? "",
                    External = reader.Flag(f, "external"),
                    Shareable = reader.Flag(f, "shareable"),
                    Requires = reader.Text(f, "requires") ?? "",
                    Required = reader.Flag(f, "required"),
                    Hidden = reader.Flag(f, "hidden"),
                    EmptyAsNull = reader.Flag(f, "empty_as_null"),
                    Relation = reader.Text(f, "relation") ?? "",
                    RelationField = reader.Text(f, "relation_field") ?? "",
                    RelationKey = reader.Text(f, "relation_key") ?? "",
                }, reader.Place(fieldNode));
            }
        }

        foreach (var (name, node) in reader.Elements(grpc, "methods"))
        {
            var map = reader.Mapping(node, s_methodKeys, $"method \"{name}\"");
            var kinds = new Dictionary<string, MethodKind> { ["query"] = MethodKind.Query, ["mutation"] = MethodKind.Mutation, ["skip"] = MethodKind.Skip };
            overlay.Methods[name] = new(new MethodOptions { Kind = reader.Choice(map, "kind", kinds) ?? MethodKind.Unspecified, GraphqlName = reader.Text(map, "graphql_name") ?? "" }, reader.Place(node));
        }

        foreach (var (name, node) in reader.Elements(grpc, "enums"))
        {
            var map = reader.Mapping(node, s_enumKeys, $"enum \"{name}\"");
            var hidden = Child(map, "hidden") switch
            {
                null => [],
                YamlSequenceNode list => list.Children.Select(v => (v as YamlScalarNode)?.Value ?? throw reader.Error(v, "an enum value name must be plain text.")).ToList(),
                var other => throw reader.Error(other, "\"hidden\" must be a list of enum value names, e.g. [LEVEL_UNSPECIFIED]."),
            };
            overlay.HiddenEnumValues[name] = new(hidden, reader.Place(node));
        }

        foreach (var (name, node) in reader.Elements(grpc, "http"))
        {
            var text = node is YamlScalarNode { Value: { } value } ? value : throw reader.Error(node, $"http route of \"{name}\" must be text like \"get /v1/quotes/{{symbol}}\".");
            overlay.Http[name] = new(HttpRuleText.Parse(text) ?? throw reader.Error(node, $"\"{text}\" is not a route: write \"<get|post|put|patch|delete> /path/{{field}} [body=*|field] [response_body=field]\"."), reader.Place(node));
        }

        return overlay;
    }
}
