using FederatedGateway.Core.CompositionConfig;
using FederatedGateway.OpenApi.Translation;
using YamlDotNet.RepresentationModel;

namespace FederatedGateway.OpenApi.Sources;

/// <summary>
/// Reads the options every translated service has (<c>openapi:</c> and <c>soap:</c> entries): <c>entities</c> (a type
/// with its key field and the operation that looks it up, <c>batch</c> when it takes a list of keys), <c>types</c>
/// (relation fields) and <c>operations</c> (the root each goes to).
/// </summary>
public static class ApiOptionsReader
{
    private static readonly string[] s_entityKeys = ["key", "lookup", "argument", "batch"];
    private static readonly string[] s_typeKeys = ["fields"];
    private static readonly string[] s_fieldKeys = ["relation", "graphql_name"];
    private static readonly string[] s_operationKeys = ["kind"];

    /// <summary>The names of the nested options this reads.</summary>
    public static string[] Keys { get; } = ["entities", "types", "operations"];

    public static void Read(SourceOptionsReader reader, YamlMappingNode node, ApiTranslationOptions translation)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ReadEntities(reader, node, translation);
        ReadTypes(reader, node, translation);
        ReadOperations(reader, node, translation);
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
