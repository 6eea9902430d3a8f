using System.Text;
using Microsoft.OpenApi;

namespace FederatedGateway.OpenApi.Translation;

/// <summary>
/// Translates an OpenAPI document into a subgraph: every operation becomes a root field (GET and HEAD on Query, the
/// other methods on Mutation), named after its <c>operationId</c> in camelCase (or its method and path without one);
/// path, query, header and cookie parameters become arguments (required ones non-null, path ones always), a JSON
/// request body the argument <c>input</c>, and the first 2xx JSON response the field's type (<c>Boolean</c> when the
/// operation answers no content). Schemas become types as <see cref="SchemaTypes"/> says.
/// </summary>
public static class OpenApiTranslator
{
    private static readonly HttpMethod[] MethodOrder =
        [HttpMethod.Get, HttpMethod.Head, HttpMethod.Post, HttpMethod.Put, HttpMethod.Patch, HttpMethod.Delete, HttpMethod.Options, HttpMethod.Trace];

    /// <exception cref="OpenApiSourceException">The document has no operations, or an option names what it does not have.</exception>
    public static ApiTranslation Translate(OpenApiDocument document, string origin, ApiTranslationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        try
        {
            return TranslateDocument(document, origin, options ?? ApiTranslationOptions.None);
        }
        catch (Exception ex) when (ex is InvalidOperationException or InsufficientExecutionStackException)
        {
            // Microsoft.OpenApi refuses reference chains it cannot resolve (too deep, cyclic in ways it cannot follow).
            throw new OpenApiSourceException($"{origin}: {ex.Message}", ex);
        }
    }

    private static ApiTranslation TranslateDocument(OpenApiDocument document, string origin, ApiTranslationOptions options)
    {
        var types = new SchemaTypes(options);
        var usedOperations = new HashSet<string>(StringComparer.Ordinal);
        var roots = new Dictionary<string, StringBuilder>(StringComparer.Ordinal) { ["Query"] = new(), ["Mutation"] = new() };
        var names = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal) { ["Query"] = new(StringComparer.Ordinal), ["Mutation"] = new(StringComparer.Ordinal) };
        var bindings = new Dictionary<string, OperationBinding>(StringComparer.Ordinal);
        foreach (var (path, item) in (document.Paths ?? new OpenApiPaths()).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            foreach (var method in MethodOrder)
            {
                if (item.Operations is null || !item.Operations.TryGetValue(method, out var operation))
                {
                    continue;
                }

                var name = OpenApiNames.Camel(operation.OperationId ?? method.Method.ToLowerInvariant() + " " + path);
                if (ApiSdl.RootOf(options, name, operation.OperationId, method == HttpMethod.Get || method == HttpMethod.Head, usedOperations) is not { } root)
                {
                    continue;
                }

                var field = ApiSdl.Unique(names[root], name);
                bindings[root + "." + field] = Field(roots[root], types, field, method, path, item, operation) with { IsRead = root == "Query" };
            }
        }

        types.Complete();
        ApiSdl.CheckOperationsUsed(options, usedOperations, bindings.Keys, origin);
        var entities = OpenApiEntities.Bind(options, types.Model, bindings, origin);
        if (bindings.Count == 0)
        {
            throw new OpenApiSourceException($"{origin}: the OpenAPI document has no operations to translate.");
        }

        var sdl = ApiSdl.Assemble(roots, entities.Count > 0, types.Print);
        return new ApiTranslation(sdl, bindings, types.Model, entities);
    }

    private static OperationBinding Field(StringBuilder root, SchemaTypes types, string field, HttpMethod method, string path, IOpenApiPathItem item, OpenApiOperation operation)
    {
        var context = OpenApiNames.Pascal(field);
        var arguments = new List<string>();
        var argumentTypes = new Dictionary<string, string>(StringComparer.Ordinal);
        var parameters = new List<ParameterBinding>();
        var argumentNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var parameter in Parameters(item, operation))
        {
            if (parameter.Name is null || parameter.In is null)
            {
                continue;
            }

            var location = parameter.In.Value.ToString().ToLowerInvariant();
            var argument = ApiSdl.Unique(argumentNames, OpenApiNames.Camel(parameter.Name));
            var type = parameter.Schema is null ? "String" : types.Input(parameter.Schema, context + " " + parameter.Name);
            var required = parameter.Required || location == "path";
            arguments.Add(argument + ": " + type + (required ? "!" : ""));
            argumentTypes[argument] = type;
            parameters.Add(new ParameterBinding(argument, parameter.Name, location));
        }

        string? body = null;
        if (JsonContent(operation.RequestBody?.Content) is { Schema: { } bodySchema })
        {
            body = ApiSdl.Unique(argumentNames, "input");
            var bodyType = types.Input(bodySchema, context + " Body");
            arguments.Add(body + ": " + bodyType + (operation.RequestBody!.Required ? "!" : ""));
            argumentTypes[body] = bodyType;
        }

        var response = SuccessResponse(operation);
        var returnsBoolean = response is null;
        var returned = response is null ? "Boolean" : types.Output(response, context + " Result");
        SchemaTypes.Describe(root, operation.Summary ?? operation.Description, "  ");
        root.Append("  ").Append(field);
        if (arguments.Count > 0)
        {
            root.Append('(').AppendJoin(", ", arguments).Append(')');
        }

        root.Append(": ").Append(returned);
        if (operation.Deprecated)
        {
            root.Append(" @deprecated");
        }

        root.Append('\n');
        return new OperationBinding(method.Method, path, parameters, body, returnsBoolean, returned) { ArgumentTypes = argumentTypes };
    }

    /// <summary>The path item's parameters, each replaced by the operation's own of the same name and location.</summary>
    private static IEnumerable<IOpenApiParameter> Parameters(IOpenApiPathItem item, OpenApiOperation operation)
    {
        var own = operation.Parameters ?? [];
        foreach (var shared in item.Parameters ?? [])
        {
            if (!own.Any(p => p.Name == shared.Name && p.In == shared.In))
            {
                yield return shared;
            }
        }

        foreach (var parameter in own)
        {
            yield return parameter;
        }
    }

    /// <summary>The schema of the first 2xx response with JSON content; null when success has no content.</summary>
    private static IOpenApiSchema? SuccessResponse(OpenApiOperation operation)
    {
        foreach (var (status, response) in (operation.Responses ?? new OpenApiResponses()).OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            if (status.StartsWith('2') && JsonContent(response.Content) is { Schema: { } schema })
            {
                return schema;
            }
        }

        return null;
    }

    private static IOpenApiMediaType? JsonContent(IDictionary<string, IOpenApiMediaType>? content)
    {
        if (content is null)
        {
            return null;
        }

        foreach (var (type, media) in content)
        {
            var bare = type.Split(';')[0].Trim();
            if (bare.Equals("application/json", StringComparison.OrdinalIgnoreCase) || bare.EndsWith("+json", StringComparison.OrdinalIgnoreCase))
            {
                return media;
            }
        }

        return null;
    }
}
