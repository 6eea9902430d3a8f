using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using FederatedGateway.OpenApi.Translation;
using FederatedGateway.Soap.Translation;
using FederatedGateway.Soap.Wsdl;

namespace FederatedGateway.Soap.Client;

/// <summary>
/// Reads a SOAP answer in one pass with <see cref="XmlReader"/> (no DTD, no resolver, depth bounded; no XML tree is
/// built except for a fault) and writes the field's value as JSON in the translation's terms, for the shared answer
/// writer: each field's property named by its XML name (<c>@name</c> for an attribute, <c>#text</c> for simple
/// content), repeated elements as arrays (an absent list as <c>[]</c>), numbers and booleans as JSON ones when they
/// read as such (else as text, which the writer then reports), <c>xsi:nil</c> as null.
/// </summary>
internal static class SoapAnswerStream
{
    /// <summary>Reads the envelope; writes the value to <paramref name="json"/> when the body holds one.</summary>
    /// <exception cref="XmlException">The answer is not well-formed, has a DTD, or nests too deep.</exception>
    public static SoapAnswer Read(Stream body, SoapOperationBinding operation, ApiTranslation translation, Utf8JsonWriter json)
    {
        using var reader = XmlReader.Create(body, SafeXml.Settings);
        if (reader.MoveToContent() != XmlNodeType.Element || reader.LocalName != "Envelope"
            || (reader.NamespaceURI != WsdlNames.Soap11Envelope.NamespaceName && reader.NamespaceURI != WsdlNames.Soap12Envelope.NamespaceName))
        {
            return SoapAnswer.NotSoap;
        }

        var envelope = reader.NamespaceURI;
        if (!EnterChild(reader, e => e.LocalName == "Body" && e.NamespaceURI == envelope) || !EnterChild(reader, _ => true))
        {
            return SoapAnswer.Empty;
        }

        if (reader.LocalName == "Fault" && reader.NamespaceURI == envelope)
        {
            return new SoapAnswer(SoapAnswerKind.Fault, (XElement)XNode.ReadFrom(reader));
        }

        if (operation.ResultChild is not { } child)
        {
            WriteElement(reader, json, operation.ReturnType, translation);
            return SoapAnswer.Value;
        }

        var list = TypeRefs.IsList(operation.ReturnType);
        var item = list ? TypeRefs.Element(operation.ReturnType) : operation.ReturnType;
        var written = false;
        if (list)
        {
            json.WriteStartArray();
        }

        ForEachChild(reader, _ =>
        {
            if (reader.LocalName == child && (list || !written))
            {
                WriteElement(reader, json, item, translation);
                written = true;
            }
            else
            {
                reader.Skip();
            }
        });

        if (list)
        {
            json.WriteEndArray();
        }
        else if (!written)
        {
            json.WriteNullValue();
        }

        return SoapAnswer.Value;
    }

    /// <summary>From a start element, moves onto its first child element that matches (skipping others); false when it has none.</summary>
    private static bool EnterChild(XmlReader reader, Func<XmlReader, bool> match)
    {
        if (reader.IsEmptyElement)
        {
            return false;
        }

        var depth = reader.Depth;
        reader.Read();
        while (Inside(reader, depth))
        {
            if (reader.NodeType == XmlNodeType.Element)
            {
                if (match(reader))
                {
                    return true;
                }

                reader.Skip();
            }
            else
            {
                reader.Read();
            }
        }

        return false;
    }

    /// <summary>
    /// From a start element, hands each child node to <paramref name="visit"/> (which must consume an element it is
    /// given: read past its end), and leaves the reader after the element's end.
    /// </summary>
    private static void ForEachChild(XmlReader reader, Action<XmlNodeType> visit)
    {
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return;
        }

        var depth = reader.Depth;
        reader.Read();
        while (Inside(reader, depth))
        {
            if (reader.NodeType == XmlNodeType.Element)
            {
                visit(XmlNodeType.Element);
            }
            else
            {
                visit(reader.NodeType);
                reader.Read();
            }
        }

        reader.Read();
    }

    /// <summary>Whether the reader is still inside the element at <paramref name="depth"/>; a document nested too deep is refused.</summary>
    private static bool Inside(XmlReader reader, int depth)
    {
        if (reader.Depth > SafeXml.MaxDepth)
        {
            throw new XmlException($"The answer nests more than {SafeXml.MaxDepth} deep.");
        }

        if (reader.EOF)
        {
            throw new XmlException("The answer ends inside an element.");
        }

        return !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth);
    }

    /// <summary>Writes the element the reader is on as <paramref name="typeRef"/> and reads past it.</summary>
    private static void WriteElement(XmlReader reader, Utf8JsonWriter json, string typeRef, ApiTranslation translation)
    {
        if (reader.GetAttribute("nil", WsdlNames.Xsi.NamespaceName) is "true" or "1")
        {
            json.WriteNullValue();
            reader.Skip();
            return;
        }

        var named = TypeRefs.Named(typeRef);
        if (translation.Types.TryGetValue(named, out var type) && type.Kind == ApiTypeKind.Object)
        {
            WriteObject(reader, json, type, translation);
            return;
        }

        WriteText(json, ReadText(reader), named);
    }

    private static void WriteObject(XmlReader reader, Utf8JsonWriter json, ApiType type, ApiTranslation translation)
    {
        json.WriteStartObject();
        var byXmlName = Fields(type);
        foreach (var field in byXmlName.Values.Where(f => f.JsonName.StartsWith('@')))
        {
            if (reader.GetAttribute(field.JsonName[1..]) is { } value)
            {
                json.WritePropertyName(field.JsonName);
                WriteText(json, value, TypeRefs.Named(field.Type));
            }
        }

        var seenLists = new HashSet<string>(StringComparer.Ordinal);
        string? openList = null;
        StringBuilder? text = null;
        ForEachChild(reader, node =>
        {
            if (node is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace)
            {
                (text ??= new StringBuilder()).Append(reader.Value);
                return;
            }

            if (node != XmlNodeType.Element)
            {
                return;
            }

            if (!byXmlName.TryGetValue(reader.LocalName, out var field))
            {
                reader.Skip();
                return;
            }

            var isList = TypeRefs.IsList(field.Type);
            if (openList is not null && openList != field.JsonName)
            {
                json.WriteEndArray();
                openList = null;
            }

            if (isList && openList is null)
            {
                json.WritePropertyName(field.JsonName);
                json.WriteStartArray();
                openList = field.JsonName;
                seenLists.Add(field.JsonName);
            }
            else if (!isList)
            {
                json.WritePropertyName(field.JsonName);
            }

            WriteElement(reader, json, isList ? TypeRefs.Element(field.Type) : field.Type, translation);
        });

        if (openList is not null)
        {
            json.WriteEndArray();
        }

        foreach (var field in byXmlName.Values.Where(f => TypeRefs.IsList(f.Type) && !seenLists.Contains(f.JsonName)))
        {
            json.WritePropertyName(field.JsonName);
            json.WriteStartArray();
            json.WriteEndArray();
        }

        if (byXmlName.TryGetValue("#text", out var content))
        {
            json.WritePropertyName("#text");
            WriteText(json, text?.ToString() ?? "", TypeRefs.Named(content.Type));
        }

        json.WriteEndObject();
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<ApiType, Dictionary<string, ApiField>> s_fields = [];

    /// <summary>The type's fields by the XML name they read (a relation field reads its key's property: left out); made once per type.</summary>
    private static Dictionary<string, ApiField> Fields(ApiType type) => s_fields.GetValue(type, MakeFields);

    private static Dictionary<string, ApiField> MakeFields(ApiType type)
    {
        var byXmlName = new Dictionary<string, ApiField>(StringComparer.Ordinal);
        foreach (var field in type.Fields.Values)
        {
            if (field.RelationTo is null)
            {
                byXmlName.TryAdd(field.JsonName, field);
            }
        }

        return byXmlName;
    }

    /// <summary>The text inside the element the reader is on (its child elements' text included), read past its end.</summary>
    private static string ReadText(XmlReader reader)
    {
        var text = new StringBuilder();
        var depth = reader.Depth;
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return "";
        }

        reader.Read();
        while (Inside(reader, depth))
        {
            if (reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace)
            {
                text.Append(reader.Value);
            }

            reader.Read();
        }

        reader.Read();
        return text.ToString();
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

internal enum SoapAnswerKind
{
    Value,
    Empty,
    NotSoap,
    Fault,
}

/// <summary>What a SOAP answer held: the value (written), nothing, no envelope, or a fault (read whole, it is small).</summary>
internal sealed record SoapAnswer(SoapAnswerKind Kind, XElement? Fault = null)
{
    public static readonly SoapAnswer Value = new(SoapAnswerKind.Value);
    public static readonly SoapAnswer Empty = new(SoapAnswerKind.Empty);
    public static readonly SoapAnswer NotSoap = new(SoapAnswerKind.NotSoap);
}
