using System.Xml;
using System.Xml.Linq;

namespace FederatedGateway.Soap.Wsdl;

/// <summary>The namespaces of WSDL 1.1, its SOAP bindings, XML Schema and the SOAP envelopes.</summary>
public static class WsdlNames
{
    public static readonly XNamespace Wsdl = "http://schemas.xmlsoap.org/wsdl/";
    public static readonly XNamespace Soap11Binding = "http://schemas.xmlsoap.org/wsdl/soap/";
    public static readonly XNamespace Soap12Binding = "http://schemas.xmlsoap.org/wsdl/soap12/";
    public static readonly XNamespace Xsd = "http://www.w3.org/2001/XMLSchema";
    public static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";
    public static readonly XNamespace Soap11Envelope = "http://schemas.xmlsoap.org/soap/envelope/";
    public static readonly XNamespace Soap12Envelope = "http://www.w3.org/2003/05/soap-envelope";

    /// <summary>A QName attribute's value (<c>tns:Customer</c>) resolved against the namespaces in scope at <paramref name="context"/>.</summary>
    /// <exception cref="SoapSourceException">The prefix is not declared.</exception>
    public static XName Resolve(XElement context, string value, string origin)
    {
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        var prefix = colon < 0 ? "" : value[..colon];
        var local = colon < 0 ? value : value[(colon + 1)..];
        var ns = prefix.Length == 0 ? context.GetDefaultNamespace() : context.GetNamespaceOfPrefix(prefix)
            ?? throw new SoapSourceException($"{Place(context, origin)}: the prefix \"{prefix}\" of \"{value}\" is not declared.");
        return ns + local;
    }

    /// <summary><c>origin:line:column</c> of an element, for messages.</summary>
    public static string Place(XElement element, string origin) =>
        element is IXmlLineInfo info && info.HasLineInfo() ? $"{origin}:{info.LineNumber}:{info.LinePosition}" : origin;
}
