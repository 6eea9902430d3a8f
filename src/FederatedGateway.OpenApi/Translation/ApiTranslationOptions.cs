namespace FederatedGateway.OpenApi.Translation;

/// <summary>
/// What the config adds to a document's translation: entities (an object type with a key and the operation that looks
/// it up), relation fields (a property holding an entity's key exposed as the entity), and the root each operation
/// goes to. Each option keeps its place in the config for messages.
/// </summary>
public sealed class ApiTranslationOptions
{
    public static ApiTranslationOptions None { get; } = new();

    /// <summary>By GraphQL type name.</summary>
    public Dictionary<string, EntityOptions> Entities { get; } = new(StringComparer.Ordinal);

    /// <summary>By GraphQL type name, then the field holding the key.</summary>
    public Dictionary<string, Dictionary<string, RelationOptions>> Relations { get; } = new(StringComparer.Ordinal);

    /// <summary>By root field name (the operationId in camelCase) or operationId.</summary>
    public Dictionary<string, OperationOptions> Operations { get; } = new(StringComparer.Ordinal);
}

/// <param name="Key">The key field (one field, by its GraphQL name).</param>
/// <param name="Lookup">The query field (or operationId) that answers one entity for a key, or a list of them for a list of keys when <paramref name="Batch"/>.</param>
/// <param name="Argument">The lookup's argument the key goes to; null means its only required argument.</param>
/// <param name="Place">Where the option is written (<c>file:line:column</c>), for messages.</param>
public sealed record EntityOptions(string Key, string Lookup, string? Argument, bool Batch, string Place);

/// <param name="Target">The entity the field's value is a key of.</param>
/// <param name="GraphqlName">The relation field's name; null derives it (<c>customerId</c> → <c>customer</c>).</param>
public sealed record RelationOptions(string Target, string? GraphqlName, string Place);

public sealed record OperationOptions(OperationKind Kind, string Place);

public enum OperationKind
{
    /// <summary>GET and HEAD on Query, the other methods on Mutation.</summary>
    ByMethod,
    Query,
    Mutation,

    /// <summary>Left out of the graph.</summary>
    Skip,
}
