using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using FederatedGateway.OpenApi.Translation;

namespace FederatedGateway.OpenApi.Client;

/// <summary>
/// Builds the HTTP request of a root field from its arguments (JSON values, variables substituted): path parameters
/// escaped into the template, query parameters (a list repeats the name), headers, cookies, and the JSON body with
/// the document's own property names and enum values.
/// </summary>
internal static class RestRequestBuilder
{
    public static HttpRequestMessage Build(Uri baseAddress, OperationBinding binding, JsonElement arguments, ApiTranslation translation)
    {
        var path = new StringBuilder(binding.PathTemplate);
        var query = new StringBuilder();
        var headers = new List<(string Name, string Value)>();
        var cookies = new List<string>();
        foreach (var parameter in binding.Parameters)
        {
            if (!arguments.TryGetProperty(parameter.Argument, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                continue;
            }

            var type = binding.ArgumentTypes.GetValueOrDefault(parameter.Argument, "String");
            var texts = value.ValueKind == JsonValueKind.Array
                ? value.EnumerateArray().Select(item => Text(item, TypeRefs.Element(type), translation)).ToList()
                : [Text(value, type, translation)];
            switch (parameter.Location)
            {
                case "path":
                    path.Replace("{" + parameter.Name + "}", Uri.EscapeDataString(string.Join(',', texts)));
                    break;
                case "query":
                    foreach (var text in texts)
                    {
                        query.Append(query.Length == 0 ? '?' : '&').Append(Uri.EscapeDataString(parameter.Name)).Append('=').Append(Uri.EscapeDataString(text));
                    }

                    break;
                case "header":
                    headers.Add((parameter.Name, string.Join(',', texts)));
                    break;
                case "cookie":
                    cookies.Add(parameter.Name + "=" + Uri.EscapeDataString(string.Join(',', texts)));
                    break;
            }
        }

        var target = new Uri(baseAddress, baseAddress.AbsolutePath.TrimEnd('/') + path + query);
        var request = new HttpRequestMessage(new HttpMethod(binding.Method), target);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        if (cookies.Count > 0)
        {
            request.Headers.TryAddWithoutValidation("Cookie", string.Join("; ", cookies));
        }

        if (binding.Body is { } body && arguments.TryGetProperty(body, out var input) && input.ValueKind != JsonValueKind.Null)
        {
            using var buffer = new MemoryStream();
            using (var json = new Utf8JsonWriter(buffer))
            {
                WriteInput(json, input, binding.ArgumentTypes[body], translation);
            }

            request.Content = new ByteArrayContent(buffer.ToArray());
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        return request;
    }

    /// <summary>A parameter value as text: strings as they are, enum values as the document spells them.</summary>
    private static string Text(JsonElement value, string type, ApiTranslation translation) => value.ValueKind switch
    {
        JsonValueKind.String when translation.Types.TryGetValue(TypeRefs.Named(type), out var named) && named.Kind == ApiTypeKind.Enum
            => named.EnumToJson.GetValueOrDefault(value.GetString()!, value.GetString()!),
        JsonValueKind.String => value.GetString()!,
        _ => value.GetRawText(),
    };

    /// <summary>An input value as the document's JSON: its property names and enum values.</summary>
    private static void WriteInput(Utf8JsonWriter json, JsonElement value, string type, ApiTranslation translation)
    {
        if (value.ValueKind == JsonValueKind.Array && TypeRefs.IsList(type))
        {
            json.WriteStartArray();
            foreach (var item in value.EnumerateArray())
            {
                WriteInput(json, item, TypeRefs.Element(type), translation);
            }

            json.WriteEndArray();
            return;
        }

        translation.Types.TryGetValue(TypeRefs.Named(type), out var named);
        if (named is { Kind: ApiTypeKind.Input } && value.ValueKind == JsonValueKind.Object)
        {
            json.WriteStartObject();
            foreach (var property in value.EnumerateObject())
            {
                if (named.Fields.TryGetValue(property.Name, out var field))
                {
                    json.WritePropertyName(field.JsonName);
                    WriteInput(json, property.Value, field.Type, translation);
                }
            }

            json.WriteEndObject();
            return;
        }

        // Int64 travels as a string in GraphQL and as an integer in the document (type: integer, format: int64).
        if (TypeRefs.Named(type) == "Int64" && value.ValueKind == JsonValueKind.String && long.TryParse(value.GetString(), out var number))
        {
            json.WriteNumberValue(number);
            return;
        }

        if (named is { Kind: ApiTypeKind.Enum } && value.ValueKind == JsonValueKind.String)
        {
            json.WriteStringValue(named.EnumToJson.GetValueOrDefault(value.GetString()!, value.GetString()!));
            return;
        }

        value.WriteTo(json);
    }
}
