namespace FederatedGateway.OpenApi.Translation;

/// <summary>
/// An OpenAPI document translated: the subgraph SDL, per root field the HTTP operation it calls (method, path
/// template, where each argument goes, the body), and the types made.
/// </summary>
public sealed class ApiTranslation
{
    internal ApiTranslation(string sdl, IReadOnlyDictionary<string, OperationBinding> fields, IReadOnlyDictionary<string, ApiType> types, IReadOnlyDictionary<string, EntityBinding> entities)
    {
        Sdl = sdl;
        Fields = fields;
        Types = types;
        Entities = entities;
        foreach (var type in types.Values.Where(t => t.Kind == ApiTypeKind.Union))
        {
            foreach (var (member, _) in type.Members)
            {
                if (!_unionsOf.TryGetValue(member, out var unions))
                {
                    _unionsOf[member] = unions = [];
                }

                unions.Add(type.Name);
            }
        }
    }

    private readonly Dictionary<string, List<string>> _unionsOf = new(StringComparer.Ordinal);

    public string Sdl { get; }

    /// <summary>By <c>Query.field</c> / <c>Mutation.field</c>.</summary>
    public IReadOnlyDictionary<string, OperationBinding> Fields { get; }

    /// <summary>The object, input, enum and union types made, by name (fields with the JSON property behind each).</summary>
    internal IReadOnlyDictionary<string, ApiType> Types { get; }

    /// <summary>The entities the config declares, by type name, with the operation that looks each up.</summary>
    public IReadOnlyDictionary<string, EntityBinding> Entities { get; }

    /// <summary>The unions an object type is a member of (fragments on them apply to it).</summary>
    internal ICollection<string> UnionsOf(string type) => _unionsOf.TryGetValue(type, out var unions) ? unions : [];

    /// <summary>
    /// The union member a JSON object is: among those whose required properties it has all, the one that declares most
    /// of its properties (the first of equals); null when none fits.
    /// </summary>
    internal ApiType? MemberOf(ApiType union, System.Text.Json.JsonElement value)
    {
        ApiType? best = null;
        var bestScore = -1;
        foreach (var (member, required) in union.Members)
        {
            if (!required.All(property => value.TryGetProperty(property, out _)))
            {
                continue;
            }

            var type = Types[member];
            var score = type.Fields.Values.Count(field => value.TryGetProperty(field.JsonName, out _));
            if (score > bestScore)
            {
                (best, bestScore) = (type, score);
            }
        }

        return best;
    }
}

/// <summary>An entity of the source: its key field (and the JSON property behind it) and the lookup that answers it.</summary>
/// <param name="Lookup">The lookup's <c>Query</c> field name.</param>
/// <param name="Argument">The lookup's argument given the key (a list of keys when <paramref name="Batch"/>).</param>
public sealed record EntityBinding(string Type, string KeyField, string KeyJsonName, string Lookup, OperationBinding LookupBinding, string Argument, bool Batch);

/// <summary>One root field's HTTP operation.</summary>
/// <param name="Body">The argument holding the JSON request body, if the operation takes one.</param>
/// <param name="ReturnsBoolean">The operation answers no JSON content: the field is <c>true</c> on success.</param>
/// <param name="ReturnType">The field's GraphQL type.</param>
public record OperationBinding(string Method, string PathTemplate, IReadOnlyList<ParameterBinding> Parameters, string? Body, bool ReturnsBoolean, string ReturnType)
{
    /// <summary>A Query field's operation (a read): it may be sent again after a transient failure; a mutation never is.</summary>
    public bool IsRead { get; init; }

    /// <summary>The GraphQL type of each argument (the body's included), by argument name.</summary>
    public IReadOnlyDictionary<string, string> ArgumentTypes { get; init; } = new Dictionary<string, string>();
}

/// <summary>Where an argument goes: <see cref="Location"/> is path, query, header or cookie; <see cref="Name"/> the parameter's own name.</summary>
public sealed record ParameterBinding(string Argument, string Name, string Location);
