using System.Text;
using FederatedGateway.Grpc.Transcoding;
using FederatedGateway.Grpc.Translation;
using Microsoft.OpenApi;

namespace FederatedGateway.AspNetCore.Transcoding;

/// <summary>
/// The OpenAPI 3.0 document of the JSON/HTTP routes, built from the descriptors with Microsoft.OpenApi: one operation
/// per route (path variables and the request fields left to the query as parameters, the body as the request
/// message or one field of it), the response message as the 200 answer, every message reached as a component
/// schema named by its full proto name, and the <c>{code, message, details}</c> status as the default answer.
/// </summary>
internal static class OpenApiDocumentWriter
{
    private const string StatusSchema = "google.rpc.Status";

    public static async Task<string> WriteAsync(IReadOnlyList<TranscodingTarget> targets)
    {
        var document = new OpenApiDocument
        {
            Info = new OpenApiInfo { Title = "FederatedGateway gRPC JSON/HTTP routes", Version = "1.0" },
            Paths = new OpenApiPaths(),
            Components = new OpenApiComponents { Schemas = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal) },
        };
        var schemas = new SchemaBuilder(document);
        document.Components.Schemas[StatusSchema] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["code"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" },
                ["message"] = new OpenApiSchema { Type = JsonSchemaType.String },
                ["details"] = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.Object } },
            },
        };

        foreach (var target in targets)
        {
            var route = target.Route;
            var path = route.Path.OpenApiPath;
            if (!document.Paths.TryGetValue(path, out var item))
            {
                document.Paths[path] = item = new OpenApiPathItem();
            }

            var pathItem = (OpenApiPathItem)item;
            pathItem.Operations ??= new Dictionary<HttpMethod, OpenApiOperation>();
            pathItem.Operations[new HttpMethod(route.HttpMethod)] = Operation(route, schemas, document);
        }

        using var stream = new MemoryStream();
        await document.SerializeAsJsonAsync(stream, OpenApiSpecVersion.OpenApi3_0).ConfigureAwait(false);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static OpenApiOperation Operation(HttpRoute route, SchemaBuilder schemas, OpenApiDocument document)
    {
        var rpc = route.Rpc;
        var operation = new OpenApiOperation
        {
            OperationId = $"{route.Subgraph}.{rpc.MethodName}",
            Summary = $"gRPC {rpc.ServiceName}/{rpc.MethodName} of subgraph {route.Subgraph}",
            Tags = new HashSet<OpenApiTagReference> { new(route.Subgraph, document) },
            Parameters = [],
            Responses = new OpenApiResponses
            {
                ["200"] = new OpenApiResponse { Description = "The RPC's answer.", Content = Json(ResponseSchema(route, schemas)) },
                ["default"] = new OpenApiResponse { Description = "The RPC's status when it failed (or the request's, when it could not be made).", Content = Json(new OpenApiSchemaReference(StatusSchema, document)) },
            },
        };
        document.Tags ??= new HashSet<OpenApiTag>();
        if (!document.Tags.Any(t => t.Name == route.Subgraph))
        {
            document.Tags.Add(new OpenApiTag { Name = route.Subgraph });
        }

        var bound = new HashSet<string>(route.Path.Variables, StringComparer.Ordinal);
        foreach (var variable in route.Path.Variables)
        {
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = variable,
                In = ParameterLocation.Path,
                Required = true,
                Schema = schemas.Leaf(Last(rpc.Request, variable)),
            });
        }

        if (route.Body == "*")
        {
            operation.RequestBody = new OpenApiRequestBody { Required = true, Content = Json(schemas.Message(rpc.Request)) };
            return operation;
        }

        if (route.Body.Length > 0 && rpc.Request.Fields.FirstOrDefault(f => f.ProtoName == route.Body) is { } bodyField)
        {
            operation.RequestBody = new OpenApiRequestBody { Required = true, Content = Json(schemas.Field(bodyField)) };
            bound.Add(bodyField.ProtoName);
        }

        foreach (var field in rpc.Request.Fields.Where(f => !bound.Contains(f.ProtoName) && IsQueryable(f)))
        {
            operation.Parameters.Add(new OpenApiParameter { Name = field.ProtoName, In = ParameterLocation.Query, Schema = schemas.Field(field) });
        }

        return operation;
    }

    private static IOpenApiSchema ResponseSchema(HttpRoute route, SchemaBuilder schemas) =>
        route.ResponseBody.Length > 0 && route.Rpc.Response.Fields.FirstOrDefault(f => f.ProtoName == route.ResponseBody) is { } field
            ? schemas.Field(field)
            : schemas.Message(route.Rpc.Response);

    private static Dictionary<string, IOpenApiMediaType> Json(IOpenApiSchema schema) =>
        new(StringComparer.Ordinal) { ["application/json"] = new OpenApiMediaType { Schema = schema } };

    private static ProtoField Last(ProtoMessage request, string path)
    {
        var current = request;
        ProtoField? field = null;
        foreach (var name in path.Split('.'))
        {
            field = current!.Fields.First(f => f.ProtoName == name || f.GraphQLName == name);
            current = field.Message;
        }

        return field!;
    }

    /// <summary>Scalars, enums and lists of them go in the query; messages only in a body.</summary>
    private static bool IsQueryable(ProtoField field) =>
        field.Kind is < ProtoValueKind.Message or ProtoValueKind.Timestamp or ProtoValueKind.Duration or ProtoValueKind.Wrapper or ProtoValueKind.FieldMask;
}
