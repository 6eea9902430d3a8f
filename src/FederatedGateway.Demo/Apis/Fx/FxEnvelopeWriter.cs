using System.Globalization;
using System.Text;
using System.Xml;

namespace FederatedGateway.Demo.Apis.Fx;

/// <summary>Writes the FX service's SOAP 1.2 answers: an operation's response element, or a fault.</summary>
internal static class FxEnvelopeWriter
{
    public static byte[] Response(string operation, Action<XmlWriter> writeContent) =>
        Envelope(writer =>
        {
            writer.WriteStartElement("fx", operation + "Response", FxNames.Service);
            writeContent(writer);
            writer.WriteEndElement();
        });

    public static byte[] Fault(FxFaultException fault) =>
        Envelope(writer =>
        {
            writer.WriteStartElement("env", "Fault", FxNames.Soap12Envelope);
            writer.WriteStartElement("env", "Code", FxNames.Soap12Envelope);
            writer.WriteElementString("env", "Value", FxNames.Soap12Envelope, fault.Code);
            writer.WriteEndElement();
            writer.WriteStartElement("env", "Reason", FxNames.Soap12Envelope);
            writer.WriteStartElement("env", "Text", FxNames.Soap12Envelope);
            writer.WriteAttributeString("xml", "lang", null, "en");
            writer.WriteString(fault.Message);
            writer.WriteEndElement();
            writer.WriteEndElement();
            writer.WriteEndElement();
        });

    /// <summary>A <c>Rate</c> element (complex type <c>Rate</c>).</summary>
    public static void Rate(XmlWriter writer, FxQuote quote)
    {
        writer.WriteStartElement("fx", "Rate", FxNames.Service);
        Simple(writer, "Pair", quote.Pair);
        Simple(writer, "Bid", quote.Bid);
        Simple(writer, "Ask", quote.Ask);
        Simple(writer, "Mid", quote.Mid);
        Simple(writer, "AsOf", quote.AsOf.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        writer.WriteEndElement();
    }

    public static void Simple(XmlWriter writer, string name, decimal value) => Simple(writer, name, value.ToString(CultureInfo.InvariantCulture));

    public static void Simple(XmlWriter writer, string name, string value) => writer.WriteElementString("fx", name, FxNames.Service, value);

    private static byte[] Envelope(Action<XmlWriter> writeBody)
    {
        var text = new StringBuilder();
        using (var writer = XmlWriter.Create(text, new XmlWriterSettings { OmitXmlDeclaration = true }))
        {
            writer.WriteStartElement("env", "Envelope", FxNames.Soap12Envelope);
            writer.WriteStartElement("env", "Body", FxNames.Soap12Envelope);
            writeBody(writer);
            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
