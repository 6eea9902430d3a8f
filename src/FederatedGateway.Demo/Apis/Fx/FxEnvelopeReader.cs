using System.Xml;

namespace FederatedGateway.Demo.Apis.Fx;

/// <summary>
/// Reads a SOAP 1.2 request envelope: the operation element in the body and its simple child elements. The reader
/// refuses DTDs and resolves nothing external (no entity expansion, no fetches), and bounds the document's size.
/// </summary>
internal static class FxEnvelopeReader
{
    /// <summary>The largest request envelope read, in characters.</summary>
    public const int MaxCharacters = 64 * 1024;

    private static readonly XmlReaderSettings s_settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = MaxCharacters,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
    };

    /// <exception cref="FxFaultException">It is not well-formed, has a DTD, or is not a SOAP 1.2 request of this service.</exception>
    public static FxRequest Read(Stream envelope)
    {
        try
        {
            using var reader = XmlReader.Create(envelope, s_settings);
            reader.MoveToContent();
            Expect(reader, "Envelope", FxNames.Soap12Envelope);
            reader.ReadStartElement();
            reader.MoveToContent();
            if (reader.IsStartElement("Header", FxNames.Soap12Envelope))
            {
                reader.Skip();
                reader.MoveToContent();
            }

            Expect(reader, "Body", FxNames.Soap12Envelope);
            if (reader.IsEmptyElement)
            {
                throw FxFaultException.Sender("The SOAP body is empty.");
            }

            reader.ReadStartElement();
            reader.MoveToContent();
            if (reader.NodeType != XmlNodeType.Element || reader.NamespaceURI != FxNames.Service)
            {
                throw FxFaultException.Sender($"The SOAP body holds no element of {FxNames.Service}.");
            }

            return new FxRequest(reader.LocalName, ReadParts(reader));
        }
        catch (XmlException ex)
        {
            throw FxFaultException.Sender("The request is not an XML document this service reads: " + ex.Message);
        }
    }

    private static List<KeyValuePair<string, string>> ReadParts(XmlReader reader)
    {
        var parts = new List<KeyValuePair<string, string>>();
        if (reader.IsEmptyElement)
        {
            return parts;
        }

        reader.ReadStartElement();
        reader.MoveToContent();
        while (reader.NodeType == XmlNodeType.Element)
        {
            if (reader.NamespaceURI != FxNames.Service)
            {
                throw FxFaultException.Sender($"Element {reader.Name} is not of {FxNames.Service}.");
            }

            var name = reader.LocalName;
            parts.Add(new(name, reader.ReadElementContentAsString()));
            reader.MoveToContent();
        }

        return parts;
    }

    private static void Expect(XmlReader reader, string localName, string ns)
    {
        if (!reader.IsStartElement(localName, ns))
        {
            throw FxFaultException.Sender($"Expected a SOAP 1.2 {localName}, found {reader.Name}.");
        }
    }
}
