using System.Text;
using System.Text.Json;
using System.Xml;
using FederatedGateway.OpenApi.Translation;
using FederatedGateway.Soap.Translation;
using FederatedGateway.Soap.Wsdl;

namespace FederatedGateway.Soap.Client;

/// <summary>
/// Writes the SOAP envelope of a call from the field's arguments (JSON, variables substituted): the request element
/// (or the arguments' elements alone), each argument and each input object's fields in their schema's order, in
/// their namespaces, enum values as the schema spells them, lists as repeated elements, nulls left out.
/// </summary>
internal static class SoapEnvelopeWriter
{
    private static readonly XmlWriterSettings Settings = new() { Encoding = new UTF8Encoding(false), OmitXmlDeclaration = false };

    public static byte[] Write(SoapTranslation translation, SoapOperationBinding binding, JsonElement arguments)
    {
        var envelope = translation.Version == SoapVersion.Soap11 ? WsdlNames.Soap11Envelope : WsdlNames.Soap12Envelope;
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, Settings))
        {
            xml.WriteStartElement("soap", "Envelope", envelope.NamespaceName);
            xml.WriteStartElement("soap", "Body", envelope.NamespaceName);
            if (binding.RequestElement is { } request)
            {
                xml.WriteStartElement("m", request.LocalName, request.NamespaceName);
            }

            foreach (var argument in binding.Arguments)
            {
                if (arguments.TryGetProperty(argument.Name, out var value))
                {
                    WriteValue(xml, translation, argument.XmlName, argument.Namespace, value, argument.Type);
                }
            }

            if (binding.RequestElement is not null)
            {
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        return buffer.ToArray();
    }

    private static void WriteValue(XmlWriter xml, SoapTranslation translation, string name, string? ns, JsonElement value, string typeRef)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return;
        }

        if (TypeRefs.IsList(typeRef) && value.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in value.EnumerateArray())
            {
                WriteValue(xml, translation, name, ns, item, TypeRefs.Element(typeRef));
            }

            return;
        }

        xml.WriteStartElement(name, ns ?? "");
        var named = TypeRefs.Named(typeRef);
        if (translation.Api.Types.TryGetValue(named, out var type) && type.Kind == ApiTypeKind.Input && value.ValueKind == JsonValueKind.Object)
        {
            WriteObject(xml, translation, type, value);
        }
        else
        {
            xml.WriteString(Text(value, type));
        }

        xml.WriteEndElement();
    }

    private static void WriteObject(XmlWriter xml, SoapTranslation translation, ApiType type, JsonElement value)
    {
        var childNamespace = translation.ChildNamespaces.GetValueOrDefault(type.Name);
        foreach (var field in type.Fields.Values.Where(f => f.JsonName.StartsWith('@')))
        {
            if (value.TryGetProperty(field.Name, out var attribute) && attribute.ValueKind != JsonValueKind.Null)
            {
                xml.WriteAttributeString(field.JsonName[1..], Text(attribute, translation.Api.Types.GetValueOrDefault(TypeRefs.Named(field.Type))));
            }
        }

        foreach (var field in type.Fields.Values.Where(f => !f.JsonName.StartsWith('@')))
        {
            if (!value.TryGetProperty(field.Name, out var child))
            {
                continue;
            }

            if (field.JsonName == "#text")
            {
                xml.WriteString(Text(child, translation.Api.Types.GetValueOrDefault(TypeRefs.Named(field.Type))));
            }
            else
            {
                WriteValue(xml, translation, field.JsonName, childNamespace, child, field.Type);
            }
        }
    }

    /// <summary>A scalar's text: strings as they are (an enum value as the schema spells it), numbers as written, booleans in lower case.</summary>
    private static string Text(JsonElement value, ApiType? type) =>
        value.ValueKind switch
        {
            JsonValueKind.String when type is { Kind: ApiTypeKind.Enum } && type.EnumToJson.TryGetValue(value.GetString()!, out var text) => text,
            JsonValueKind.String => value.GetString()!,
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => value.GetRawText(),
        };
}
