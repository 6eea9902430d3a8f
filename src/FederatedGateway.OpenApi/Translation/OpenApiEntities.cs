using FederatedGateway.Core.Text;

namespace FederatedGateway.OpenApi.Translation;

/// <summary>
/// Binds the entities the config declares to the translation: each must be an object type made from the document,
/// with its key field, and a lookup among the Query fields that takes the key (a list of keys for a batch lookup) and
/// answers the entity (a list of them); each relation must point at such an entity. A mistake names its place.
/// </summary>
internal static class OpenApiEntities
{
    public static Dictionary<string, EntityBinding> Bind(ApiTranslationOptions options, IReadOnlyDictionary<string, ApiType> types, IReadOnlyDictionary<string, OperationBinding> fields, string origin)
    {
        var entities = new Dictionary<string, EntityBinding>(StringComparer.Ordinal);
        var objects = types.Values.Where(t => t.Kind == ApiTypeKind.Object).Select(t => t.Name).ToList();
        foreach (var (name, entity) in options.Entities)
        {
            if (!types.TryGetValue(name, out var type) || type.Kind != ApiTypeKind.Object)
            {
                throw Error(entity.Place, $"entity \"{name}\" is not an object type of {origin}{Suggestions.DidYouMean(name, objects)}.");
            }

            if (!type.Fields.TryGetValue(entity.Key, out var key) || TypeRefs.IsList(key.Type) || key.RelationTo is not null)
            {
                throw Error(entity.Place, $"entity \"{name}\": key \"{entity.Key}\" is not a single-value field of {name}{Suggestions.DidYouMean(entity.Key, type.Fields.Keys)}.");
            }

            var queries = fields.Keys.Where(k => k.StartsWith("Query.", StringComparison.Ordinal)).Select(k => k[6..]).ToList();
            var lookup = OpenApiNames.Camel(entity.Lookup);
            if (!fields.TryGetValue("Query." + lookup, out var binding))
            {
                throw Error(entity.Place, $"entity \"{name}\": lookup \"{entity.Lookup}\" is not a query field of {origin}{Suggestions.DidYouMean(lookup, queries)}.");
            }

            var returns = entity.Batch ? TypeRefs.IsList(binding.ReturnType) && TypeRefs.Named(binding.ReturnType) == name : !TypeRefs.IsList(binding.ReturnType) && TypeRefs.Named(binding.ReturnType) == name;
            if (!returns)
            {
                throw Error(entity.Place, $"entity \"{name}\": lookup \"{lookup}\" answers {binding.ReturnType}, not {(entity.Batch ? $"a list of {name} (a batch lookup)" : name)}.");
            }

            var argument = entity.Argument ?? OnlyRequired(binding, entity, name, lookup);
            if (!binding.ArgumentTypes.TryGetValue(argument, out var argumentType) || TypeRefs.IsList(argumentType) != entity.Batch)
            {
                throw Error(entity.Place, $"entity \"{name}\": lookup \"{lookup}\" has no {(entity.Batch ? "list " : "")}argument \"{argument}\" to take the key{Suggestions.DidYouMean(argument, binding.ArgumentTypes.Keys)}.");
            }

            entities[name] = new EntityBinding(name, key.Name, key.JsonName, lookup, binding, argument, entity.Batch);
        }

        foreach (var (type, relations) in options.Relations)
        {
            foreach (var (field, relation) in relations)
            {
                if (!types.ContainsKey(type))
                {
                    throw Error(relation.Place, $"type \"{type}\" is not made from {origin}{Suggestions.DidYouMean(type, objects)}.");
                }

                if (!entities.ContainsKey(relation.Target))
                {
                    throw Error(relation.Place, $"relation {type}.{field} points at \"{relation.Target}\", which is not an entity of this source (declare it under entities:).");
                }
            }
        }

        return entities;
    }

    private static string OnlyRequired(OperationBinding binding, EntityOptions entity, string name, string lookup)
    {
        var required = binding.Parameters.Where(p => p.Location == "path").Select(p => p.Argument).ToList();
        if (required.Count == 0)
        {
            required = [.. binding.ArgumentTypes.Keys];
        }

        return required.Count == 1
            ? required[0]
            : throw Error(entity.Place, $"entity \"{name}\": lookup \"{lookup}\" takes {required.Count} arguments; say which takes the key with \"argument\".");
    }

    private static OpenApiSourceException Error(string place, string message) => new($"{place}: {message}");
}
