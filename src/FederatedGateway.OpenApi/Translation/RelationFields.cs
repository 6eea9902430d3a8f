using System.Text;

namespace FederatedGateway.OpenApi.Translation;

/// <summary>What the config adds to an object type of a translated service: its <c>@key</c>, and its relation fields.</summary>
internal static class RelationFields
{
    /// <summary>Appends <c> @key(fields: "…")</c> after the type's name when the config makes it an entity.</summary>
    public static void AppendKey(StringBuilder definition, string type, ApiTranslationOptions options)
    {
        if (options.Entities.TryGetValue(type, out var entity))
        {
            definition.Append(" @key(fields: \"").Append(entity.Key).Append("\")");
        }
    }

    /// <summary>
    /// A relation field after the field holding the key: <c>customerId</c> → <c>customer: Customer</c> (a list of keys
    /// → a list of entities), reading the same JSON property; the entity is looked up when the field is selected.
    /// </summary>
    public static void Add(StringBuilder definition, ApiType model, HashSet<string> fields, Dictionary<string, RelationOptions> relations)
    {
        foreach (var (field, relation) in relations)
        {
            if (!model.Fields.TryGetValue(field, out var source))
            {
                throw new OpenApiSourceException($"{relation.Place}: type {model.Name} has no field \"{field}\"{FederatedGateway.Core.Text.Suggestions.DidYouMean(field, model.Fields.Keys)}.");
            }

            var name = relation.GraphqlName ?? RelationName(field);
            if (!fields.Add(name))
            {
                throw new OpenApiSourceException($"{relation.Place}: type {model.Name} already has a field \"{name}\": give the relation a graphql_name.");
            }

            var type = TypeRefs.IsList(source.Type) ? "[" + relation.Target + "]" : relation.Target;
            definition.Append("  \"The ").Append(relation.Target).Append(" whose key is ").Append(field).Append(".\"\n");
            definition.Append("  ").Append(name).Append(": ").Append(type).Append('\n');
            model.Fields[name] = new ApiField(name, source.JsonName, type) { RelationTo = relation.Target };
        }
    }

    /// <summary><c>customerId</c> → <c>customer</c>, <c>accountIds</c> → <c>accounts</c>, else the field with <c>Entity</c> added.</summary>
    private static string RelationName(string field) =>
        field.EndsWith("Ids", StringComparison.Ordinal) && field.Length > 3 ? field[..^3] + "s"
        : field.EndsWith("Id", StringComparison.Ordinal) && field.Length > 2 ? field[..^2]
        : field + "Entity";
}
