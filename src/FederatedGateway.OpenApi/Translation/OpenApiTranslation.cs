namespace FederatedGateway.OpenApi.Translation;

/// <summary>
/// An OpenAPI document translated: the subgraph SDL, per root field the HTTP operation it calls (method, path
/// template, where each argument goes, the body), and the types made.
/// </summary>
public sealed class OpenApiTranslation
{
    internal OpenApiTranslation(string sdl, IReadOnlyDictionary<string, OperationBinding> fields, IReadOnlyDictionary<string, ApiType> types)
    {
        Sdl = sdl;
        Fields = fields;
        Types = types;
    }

    public string Sdl { get; }

    /// <summary>By <c>Query.field</c> / <c>Mutation.field</c>.</summary>
    public IReadOnlyDictionary<string, OperationBinding> Fields { get; }

    /// <summary>The object, input, enum and union types made, by name (fields with the JSON property behind each).</summary>
    internal IReadOnlyDictionary<string, ApiType> Types { get; }
}

/// <summary>One root field's HTTP operation.</summary>
/// <param name="Body">The argument holding the JSON request body, if the operation takes one.</param>
/// <param name="ReturnsBoolean">The operation answers no JSON content: the field is <c>true</c> on success.</param>
/// <param name="ReturnType">The field's GraphQL type.</param>
public sealed record OperationBinding(string Method, string PathTemplate, IReadOnlyList<ParameterBinding> Parameters, string? Body, bool ReturnsBoolean, string ReturnType)
{
    /// <summary>The GraphQL type of each argument (the body's included), by argument name.</summary>
    public IReadOnlyDictionary<string, string> ArgumentTypes { get; init; } = new Dictionary<string, string>();
}

/// <summary>Where an argument goes: <see cref="Location"/> is path, query, header or cookie; <see cref="Name"/> the parameter's own name.</summary>
public sealed record ParameterBinding(string Argument, string Name, string Location);
