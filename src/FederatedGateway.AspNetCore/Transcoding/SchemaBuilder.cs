using FederatedGateway.Grpc.Translation;
using Microsoft.OpenApi;

namespace FederatedGateway.AspNetCore.Transcoding;

/// <summary>OpenAPI schemas of protobuf messages and fields in the JSON the routes read and write (proto3's mapping, GraphQL's enum names).</summary>
internal sealed class SchemaBuilder(OpenApiDocument document)
{
    /// <summary>A reference to the message's component schema, made once per message (recursive messages end in a reference).</summary>
    public IOpenApiSchema Message(ProtoMessage message)
    {
        var name = message.FullName;
        var schemas = document.Components!.Schemas!;
        if (!schemas.ContainsKey(name))
        {
            var schema = new OpenApiSchema { Type = JsonSchemaType.Object, Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal) };
            schemas[name] = schema;
            foreach (var field in message.Fields)
            {
                schema.Properties[field.GraphQLName] = Field(field);
            }
        }

        return new OpenApiSchemaReference(name, document);
    }

    public IOpenApiSchema Field(ProtoField field)
    {
        if (field.IsMap && field.Message?.Fields.FirstOrDefault(f => f.Number == 2) is { } value)
        {
            return new OpenApiSchema { Type = JsonSchemaType.Object, AdditionalProperties = Leaf(value) };
        }

        return field.IsRepeated ? new OpenApiSchema { Type = JsonSchemaType.Array, Items = Leaf(field) } : Leaf(field);
    }

    /// <summary>The schema of one value of the field (an element, for a list).</summary>
    public IOpenApiSchema Leaf(ProtoField field) => (field.Kind == ProtoValueKind.Wrapper ? field.WrappedKind : field.Kind) switch
    {
        ProtoValueKind.Double => Scalar(JsonSchemaType.Number, "double"),
        ProtoValueKind.Float => Scalar(JsonSchemaType.Number, "float"),
        ProtoValueKind.Int32 or ProtoValueKind.SInt32 or ProtoValueKind.SFixed32 => Scalar(JsonSchemaType.Integer, "int32"),
        ProtoValueKind.UInt32 or ProtoValueKind.Fixed32 => Scalar(JsonSchemaType.Integer, "int64"),
        ProtoValueKind.Int64 or ProtoValueKind.SInt64 or ProtoValueKind.SFixed64 or ProtoValueKind.UInt64 or ProtoValueKind.Fixed64 => Scalar(JsonSchemaType.String, "int64"),
        ProtoValueKind.Bool => Scalar(JsonSchemaType.Boolean, null),
        ProtoValueKind.String => Scalar(JsonSchemaType.String, null),
        ProtoValueKind.Bytes => Scalar(JsonSchemaType.String, "byte"),
        ProtoValueKind.Enum => new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Enum = field.Enum!.Values.Select(v => (System.Text.Json.Nodes.JsonNode)System.Text.Json.Nodes.JsonValue.Create(v.Name)!).ToList(),
        },
        ProtoValueKind.Message => Message(field.Message!),
        ProtoValueKind.Timestamp => Scalar(JsonSchemaType.String, "date-time"),
        ProtoValueKind.Duration or ProtoValueKind.FieldMask => Scalar(JsonSchemaType.String, null),
        ProtoValueKind.Struct or ProtoValueKind.Any or ProtoValueKind.Empty => new OpenApiSchema { Type = JsonSchemaType.Object },
        ProtoValueKind.ListValue => new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema() },
        _ => new OpenApiSchema(),
    };

    private static OpenApiSchema Scalar(JsonSchemaType type, string? format) => new() { Type = type, Format = format };
}
