using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using FederatedGateway.Core.Text;
using FederatedGateway.Grpc.Codec;
using FederatedGateway.Grpc.Translation;

namespace FederatedGateway.Grpc.Transcoding;

/// <summary>
/// Builds an RPC's request from a JSON/HTTP request the way <c>google.api.http</c> says: the body fills the request
/// (<c>body: "*"</c>) or one field, the path's variables fill the fields they name, and query parameters
/// (<c>?page_size=10&amp;filter.state=OPEN</c>, repeated for lists) fill the rest.
/// </summary>
public static class TranscodedRequest
{
    /// <exception cref="TranscodingException">The body is not JSON of the right shape, or a parameter names no field or has the wrong kind of value.</exception>
    public static byte[] Encode(HttpRoute route, IReadOnlyDictionary<string, string> pathValues, IEnumerable<KeyValuePair<string, string[]>> query, ReadOnlyMemory<byte> body, GrpcSchema schema)
    {
        ArgumentNullException.ThrowIfNull(route);
        ArgumentNullException.ThrowIfNull(pathValues);
        ArgumentNullException.ThrowIfNull(query);
        var request = route.Rpc.Request;
        var root = new JsonObject();
        if (route.Body.Length > 0)
        {
            var parsed = ParseBody(body);
            if (route.Body == "*")
            {
                root = parsed as JsonObject ?? throw new TranscodingException("The body must be a JSON object (the request message).");
            }
            else if (parsed is not null)
            {
                root[request.Fields.First(f => f.ProtoName == route.Body).GraphQLName] = parsed;
            }
        }

        foreach (var (path, value) in pathValues)
        {
            Set(root, Chain(request, path, "path variable"), [value]);
        }

        if (route.Body != "*")
        {
            foreach (var (name, values) in query)
            {
                Set(root, Chain(request, name, "query parameter"), values);
            }
        }

        try
        {
            return ProtoEncoder.Encode(request, JsonText.ToElement(root), schema);
        }
        catch (ProtoCodecException ex)
        {
            throw new TranscodingException(ex.Message);
        }
    }

    private static JsonNode? ParseBody(ReadOnlyMemory<byte> body)
    {
        if (body.IsEmpty)
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(body.Span, documentOptions: new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException ex)
        {
            throw new TranscodingException($"The body is not JSON: {ex.Message}");
        }
    }

    private static List<ProtoField> Chain(ProtoMessage request, string path, string what) =>
        RequestFields.Find(request, path) ?? throw new TranscodingException($"The {what} \"{path}\" is not a field of {request.FullName}.");

    private static void Set(JsonObject root, List<ProtoField> chain, string[] values)
    {
        var parent = root;
        for (var i = 0; i < chain.Count - 1; i++)
        {
            var name = chain[i].GraphQLName;
            parent = parent[name] as JsonObject ?? (JsonObject)(parent[name] = new JsonObject());
        }

        var field = chain[^1];
        parent[field.GraphQLName] = field.IsRepeated
            ? new JsonArray(values.Select(v => Scalar(field, v)).ToArray())
            : Scalar(field, values.Length == 0 ? "" : values[^1]);
    }

    /// <summary>A text value as the JSON the encoder takes for the field's kind (64-bit integers stay strings, as in proto3 JSON).</summary>
    private static JsonNode? Scalar(ProtoField field, string text)
    {
        var kind = field.Kind == ProtoValueKind.Wrapper ? field.WrappedKind : field.Kind;
        switch (kind)
        {
            case ProtoValueKind.Bool:
                return bool.TryParse(text, out var flag) ? JsonValue.Create(flag) : throw Wrong(field, text, "true or false");
            case ProtoValueKind.Double or ProtoValueKind.Float:
                return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? JsonValue.Create(number) : JsonValue.Create(text);
            case ProtoValueKind.Int32 or ProtoValueKind.SInt32 or ProtoValueKind.SFixed32:
                return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i) ? JsonValue.Create(i) : throw Wrong(field, text, "a 32-bit integer");
            case ProtoValueKind.UInt32 or ProtoValueKind.Fixed32:
                return uint.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var u) ? JsonValue.Create(u) : throw Wrong(field, text, "an unsigned 32-bit integer");
            case ProtoValueKind.Message or ProtoValueKind.Struct or ProtoValueKind.Value or ProtoValueKind.ListValue or ProtoValueKind.Any:
                throw new TranscodingException($"\"{field.ProtoName}\" is a message: give it in the body, or its fields as \"{field.ProtoName}.<field>\".");
            default:
                return JsonValue.Create(text);
        }
    }

    private static TranscodingException Wrong(ProtoField field, string text, string expected) =>
        new($"\"{field.ProtoName}\" must be {expected}, not \"{text}\".");
}
