using System.Globalization;
using System.Text.Json;
using System.Xml.Linq;
using FederatedGateway.OpenApi.Translation;
using FederatedGateway.Soap.Wsdl;

namespace FederatedGateway.Soap.Client;

/// <summary>
/// Writes a SOAP response element as JSON in the translation's terms, so the shared answer writer reads it as it reads
/// a REST answer: each field's property named by its XML name (<c>@name</c> for an attribute, <c>#text</c> for
/// simple content), repeated elements as arrays, numbers and booleans as JSON ones when they read as such (else
/// kept as text, which the writer then reports), <c>xsi:nil</c> as null.
/// </summary>
internal static class SoapAnswerReader
{
    /// <summary>The field's value from the response element: its <paramref name="child"/> elements, or the element itself.</summary>
    public static void Write(Utf8JsonWriter json, XElement response, string? child, string typeRef, ApiTranslation translation)
    {
        if (child is null)
        {
            WriteElement(json, response, typeRef, translation);
            return;
        }

        var children = response.Elements().Where(e => e.Name.LocalName == child).ToList();
        if (TypeRefs.IsList(typeRef))
        {
            WriteList(json, children, typeRef, translation);
        }
        else if (children.Count == 0)
        {
            json.WriteNullValue();
        }
        else
        {
            WriteElement(json, children[0], typeRef, translation);
        }
    }

    private static void WriteList(Utf8JsonWriter json, List<XElement> items, string typeRef, ApiTranslation translation)
    {
        json.WriteStartArray();
        foreach (var item in items)
        {
            WriteElement(json, item, TypeRefs.Element(typeRef), translation);
        }

        json.WriteEndArray();
    }

    private static void WriteElement(Utf8JsonWriter json, XElement element, string typeRef, ApiTranslation translation)
    {
        if ((string?)element.Attribute(WsdlNames.Xsi + "nil") is "true" or "1")
        {
            json.WriteNullValue();
            return;
        }

        var named = TypeRefs.Named(typeRef);
        if (translation.Types.TryGetValue(named, out var type) && type.Kind == ApiTypeKind.Object)
        {
            WriteObject(json, element, type, translation);
            return;
        }

        WriteText(json, element.Value, named);
    }

    private static void WriteObject(Utf8JsonWriter json, XElement element, ApiType type, ApiTranslation translation)
    {
        json.WriteStartObject();
        var written = new HashSet<string>(StringComparer.Ordinal);
        foreach (var field in type.Fields.Values)
        {
            // A relation field reads the property of the field that holds the key: written once.
            if (field.RelationTo is not null || !written.Add(field.JsonName))
            {
                continue;
            }

            if (field.JsonName.StartsWith('@'))
            {
                if (element.Attribute(field.JsonName[1..]) is { } attribute)
                {
                    json.WritePropertyName(field.JsonName);
                    WriteText(json, attribute.Value, TypeRefs.Named(field.Type));
                }
            }
            else if (field.JsonName == "#text")
            {
                json.WritePropertyName(field.JsonName);
                WriteText(json, element.Nodes().OfType<XText>().Aggregate("", (text, node) => text + node.Value), TypeRefs.Named(field.Type));
            }
            else
            {
                var children = element.Elements().Where(e => e.Name.LocalName == field.JsonName).ToList();
                if (TypeRefs.IsList(field.Type))
                {
                    json.WritePropertyName(field.JsonName);
                    WriteList(json, children, field.Type, translation);
                }
                else if (children.Count > 0)
                {
                    json.WritePropertyName(field.JsonName);
                    WriteElement(json, children[0], field.Type, translation);
                }
            }
        }

        json.WriteEndObject();
    }

    private static void WriteText(Utf8JsonWriter json, string text, string type)
    {
        var trimmed = text.Trim();
        switch (type)
        {
            case "Int" when int.TryParse(trimmed, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number):
                json.WriteNumberValue(number);
                return;
            case "Float" when double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var real) && double.IsFinite(real):
                json.WriteNumberValue(real);
                return;
            case "Boolean" when trimmed is "true" or "1":
                json.WriteBooleanValue(true);
                return;
            case "Boolean" when trimmed is "false" or "0":
                json.WriteBooleanValue(false);
                return;
            case "Int64" or "Decimal" or "DateTime" or "Date" or "Int" or "Float" or "Boolean":
                json.WriteStringValue(trimmed);
                return;
            default:
                json.WriteStringValue(text);
                return;
        }
    }
}
