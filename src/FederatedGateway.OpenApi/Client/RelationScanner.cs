using System.Text.Json;
using FederatedGateway.OpenApi.Translation;
using GraphQLParser.AST;

namespace FederatedGateway.OpenApi.Client;

/// <summary>
/// Finds the relation fields a request selects in its answers, level by level: the keys each relation holds are looked
/// up (<see cref="EntityLookups"/>, each key once), then the entities found are searched for the relations selected
/// below them, until no selected relation is left. Answers are walked as <see cref="ApiAnswerWriter"/> writes them
/// (lists, unions, fragments), so what is looked up is exactly what will be written.
/// </summary>
internal sealed class RelationScanner(ApiTranslation translation, SelectionCollector collector)
{
    /// <summary>Looks up every entity that relations selected in <paramref name="roots"/> (and below them) lead to.</summary>
    public async Task LoadAsync(List<(JsonElement Value, string TypeRef, List<GraphQLField> Fields)> roots, EntityLookups lookups, CancellationToken cancellationToken)
    {
        var level = roots;
        while (level.Count > 0)
        {
            var wanted = new Dictionary<string, (List<string> Keys, List<(string Key, List<GraphQLField> Fields)> Below)>(StringComparer.Ordinal);
            foreach (var (value, typeRef, fields) in level)
            {
                Scan(value, typeRef, fields, wanted);
            }

            var next = new List<(JsonElement, string, List<GraphQLField>)>();
            foreach (var (entity, (keys, below)) in wanted)
            {
                await lookups.LoadAsync(translation.Entities[entity], keys, cancellationToken).ConfigureAwait(false);

                // An entity many items point at is searched once per selection of it, not once per item.
                var searched = new HashSet<(string, GraphQLField)>();
                foreach (var (key, fields) in below)
                {
                    if (searched.Add((key, fields[0])) && lookups.TryGet(entity, key, out var found) && found.Value is { } value)
                    {
                        next.Add((value, entity, fields));
                    }
                }
            }

            level = next;
        }
    }

    private void Scan(JsonElement value, string typeRef, List<GraphQLField> fields, Dictionary<string, (List<string>, List<(string, List<GraphQLField>)>)> wanted)
    {
        if (value.ValueKind == JsonValueKind.Array && TypeRefs.IsList(typeRef))
        {
            foreach (var item in value.EnumerateArray())
            {
                Scan(item, TypeRefs.Element(typeRef), fields, wanted);
            }

            return;
        }

        if (value.ValueKind != JsonValueKind.Object || !translation.Types.TryGetValue(TypeRefs.Named(typeRef), out var type))
        {
            return;
        }

        if (type.Kind == ApiTypeKind.Union)
        {
            type = translation.MemberOf(type, value);
        }

        if (type is not { Kind: ApiTypeKind.Object })
        {
            return;
        }

        foreach (var (_, group) in collector.Below(fields, type.Name, translation.UnionsOf(type.Name)))
        {
            if (!type.Fields.TryGetValue(group[0].Name.StringValue, out var field) || !value.TryGetProperty(field.JsonName, out var property))
            {
                continue;
            }

            if (field.RelationTo is not { } entity)
            {
                Scan(property, field.Type, group, wanted);
                continue;
            }

            if (!wanted.TryGetValue(entity, out var entry))
            {
                wanted[entity] = entry = ([], []);
            }

            foreach (var key in Keys(property))
            {
                entry.Item1.Add(key);
                entry.Item2.Add((key, group));
            }
        }
    }

    /// <summary>The keys a relation's property holds: one, or each of a list (nulls and other values skipped).</summary>
    public static IEnumerable<string> Keys(JsonElement property) =>
        property.ValueKind == JsonValueKind.Array
            ? property.EnumerateArray().Select(EntityLookups.KeyOf).OfType<string>()
            : EntityLookups.KeyOf(property) is { } key ? [key] : [];
}
