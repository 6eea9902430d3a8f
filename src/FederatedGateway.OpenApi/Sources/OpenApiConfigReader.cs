using FederatedGateway.Core.CompositionConfig;
using FederatedGateway.OpenApi.Translation;
using YamlDotNet.RepresentationModel;

namespace FederatedGateway.OpenApi.Sources;

/// <summary>
/// Reads an <c>openapi:</c> entry of <c>supergraph.yaml</c>: <c>document</c> (a file relative to the config, or an
/// http(s) URL), <c>base_url</c> (else <c>routing_url</c>, else the document's first server), <c>entities</c>,
/// <c>types</c> (relation fields), <c>operations</c> (the root each goes to) and <c>headers</c>. Every key is checked.
/// </summary>
public static class OpenApiConfigReader
{
    private static readonly string[] s_single = ["document", "base_url"];
    private static readonly string[] s_nested = ["entities", "types", "operations", "headers"];
    private static readonly string[] s_entityKeys = ["key", "lookup", "argument", "batch"];
    private static readonly string[] s_typeKeys = ["fields"];
    private static readonly string[] s_fieldKeys = ["relation", "graphql_name"];
    private static readonly string[] s_operationKeys = ["kind"];

    /// <exception cref="SupergraphConfigException">The entry is incomplete or has an unknown key or a value of the wrong kind.</exception>
    public static OpenApiSourceDefinition Read(SubgraphConfig subgraph, string configDirectory)
    {
        ArgumentNullException.ThrowIfNull(subgraph);
        var where = $"subgraph \"{subgraph.Name}\": openapi";
        var entry = subgraph.Source is { Kind: SourceEntry.OpenApiKind } source ? source : throw new SupergraphConfigException($"subgraph \"{subgraph.Name}\" has no openapi source.");
        var reader = new SourceOptionsReader(subgraph.ConfigFile ?? "supergraph config", where);
        var translation = new ApiTranslationOptions();
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (entry.Node is { } node)
        {
            reader.CheckEntry(node, s_single, s_nested);
            ReadEntities(reader, node, translation);
            ReadTypes(reader, node, translation);
            ReadOperations(reader, node, translation);
            foreach (var (name, value) in reader.Elements(node, "headers"))
            {
                headers[name] = value is YamlScalarNode { Value: { } text } ? text : throw reader.Error(value, $"header \"{name}\" must be a single value.");
            }
        }

        var document = entry.Options.GetValueOrDefault("document") is { Length: > 0 } d ? d : throw new SupergraphConfigException($"{where}: \"document\" (a file or an http(s) URL of the OpenAPI document) is required.");
        var baseUrl = entry.Options.GetValueOrDefault("base_url") ?? subgraph.RoutingUrl;
        Uri? baseUri = null;
        if (baseUrl is not null && (!Uri.TryCreate(baseUrl, UriKind.Absolute, out baseUri) || baseUri.Scheme is not ("http" or "https")))
        {
            throw new SupergraphConfigException($"{where}: \"base_url\" (or routing_url) must be an absolute http(s) URL, not \"{baseUrl}\".");
        }

        return new OpenApiSourceDefinition
        {
            Document = SourceEntry.IsUrl(document) ? document : Path.GetFullPath(Path.Combine(configDirectory, document)),
            BaseUrl = baseUri,
            Translation = translation,
            Headers = headers,
        };
    }

    private static void ReadEntities(SourceOptionsReader reader, YamlMappingNode node, ApiTranslationOptions translation)
    {
        foreach (var (name, value) in reader.Elements(node, "entities"))
        {
            var map = reader.Mapping(value, s_entityKeys, $"entity \"{name}\"");
            var key = reader.Text(map, "key") ?? throw reader.Error(value, $"entity \"{name}\" needs a \"key\" (its key field, e.g. \"id\").");
            if (key.Contains(' ', StringComparison.Ordinal) || key.Contains('{', StringComparison.Ordinal))
            {
                throw reader.Error(value, $"entity \"{name}\": the key of an OpenAPI entity is one field, not \"{key}\".");
            }

            translation.Entities[name] = new EntityOptions(
                key,
                reader.Text(map, "lookup") ?? throw reader.Error(value, $"entity \"{name}\" needs a \"lookup\" (the query field or operationId that answers it by its key)."),
                reader.Text(map, "argument"),
                reader.Flag(map, "batch"),
                reader.Place(value));
        }
    }

    private static void ReadTypes(SourceOptionsReader reader, YamlMappingNode node, ApiTranslationOptions translation)
    {
        foreach (var (name, value) in reader.Elements(node, "types"))
        {
            var map = reader.Mapping(value, s_typeKeys, $"type \"{name}\"");
            if (SourceOptionsReader.Child(map, "fields") is not { } fields)
            {
                continue;
            }

            var byField = translation.Relations[name] = new(StringComparer.Ordinal);
            foreach (var (field, fieldNode) in reader.Entries(fields, $"type \"{name}\" fields"))
            {
                var f = reader.Mapping(fieldNode, s_fieldKeys, $"field \"{name}.{field}\"");
                byField[field] = new RelationOptions(
                    reader.Text(f, "relation") ?? throw reader.Error(fieldNode, $"field \"{name}.{field}\" needs a \"relation\" (the entity its value is a key of)."),
                    reader.Text(f, "graphql_name"),
                    reader.Place(fieldNode));
            }
        }
    }

    private static void ReadOperations(SourceOptionsReader reader, YamlMappingNode node, ApiTranslationOptions translation)
    {
        var kinds = new Dictionary<string, OperationKind> { ["query"] = OperationKind.Query, ["mutation"] = OperationKind.Mutation, ["skip"] = OperationKind.Skip };
        foreach (var (name, value) in reader.Elements(node, "operations"))
        {
            var map = reader.Mapping(value, s_operationKeys, $"operation \"{name}\"");
            translation.Operations[name] = new OperationOptions(reader.Choice(map, "kind", kinds) ?? OperationKind.ByMethod, reader.Place(value));
        }
    }
}
