namespace FederatedGateway.OpenApi.Translation;

/// <summary>What executing against the translated API needs to know of a GraphQL type made from the document.</summary>
internal sealed class ApiType
{
    public ApiType(string name, ApiTypeKind kind)
    {
        Name = name;
        Kind = kind;
    }

    public string Name { get; }

    public ApiTypeKind Kind { get; }

    /// <summary>Object and input fields by GraphQL name.</summary>
    public Dictionary<string, ApiField> Fields { get; } = new(StringComparer.Ordinal);

    /// <summary>Enum values: GraphQL name → the document's value, and back.</summary>
    public Dictionary<string, string> EnumToJson { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, string> JsonToEnum { get; } = new(StringComparer.Ordinal);

    /// <summary>Union members with the JSON properties each requires (the answer's member is the first whose required properties are all there).</summary>
    public List<(string Member, string[] Required)> Members { get; } = [];
}

internal enum ApiTypeKind
{
    Object,
    Input,
    Enum,
    Union,
}

/// <param name="Type">The GraphQL type reference, e.g. <c>[Pet!]</c>.</param>
internal sealed record ApiField(string Name, string JsonName, string Type)
{
    /// <summary>For a relation field: the entity whose key <see cref="JsonName"/> holds (the field's value is looked up).</summary>
    public string? RelationTo { get; init; }
}

/// <summary>GraphQL type references: <c>[Pet!]!</c> → named type <c>Pet</c>, list or not.</summary>
internal static class TypeRefs
{
    public static string Named(string type) => type.Trim('[', ']', '!');

    public static bool IsList(string type) => type.TrimEnd('!').StartsWith('[');

    /// <summary>The element type of a list type: <c>[Pet!]!</c> → <c>Pet!</c>.</summary>
    public static string Element(string type)
    {
        var bare = type.TrimEnd('!');
        return bare[1..^1];
    }
}
