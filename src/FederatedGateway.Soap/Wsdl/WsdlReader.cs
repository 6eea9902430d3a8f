using System.Xml.Linq;

namespace FederatedGateway.Soap.Wsdl;

/// <summary>
/// Reads a WSDL 1.1 document (safely: <see cref="SafeXml"/>) and picks the SOAP port the source calls: the one named
/// by <c>port</c>, else the first SOAP 1.1 or 1.2 port of the document's services. Operations are those of that port's
/// binding, with their style (the operation's, else the binding's, else document) and SOAP action.
/// </summary>
public static class WsdlReader
{
    /// <exception cref="SoapSourceException">The document is not a WSDL 1.1 the source can use; the message says why and where.</exception>
    public static WsdlModel Read(Stream content, string origin, string? portName = null)
    {
        var root = SafeXml.Load(content, origin).Root;
        if (root is null || root.Name != WsdlNames.Wsdl + "definitions")
        {
            throw new SoapSourceException($"{origin}: not a WSDL 1.1 document (its root must be wsdl:definitions).");
        }

        if (root.Element(WsdlNames.Wsdl + "import") is { } import)
        {
            throw new SoapSourceException($"{WsdlNames.Place(import, origin)}: WSDL imports ({import.Attribute("location")?.Value}) are not read; give the whole description in one document.");
        }

        var tns = (string?)root.Attribute("targetNamespace") ?? "";
        var schemas = new XsdSchemas(root.Elements(WsdlNames.Wsdl + "types").Elements(WsdlNames.Xsd + "schema"), origin);
        var messages = root.Elements(WsdlNames.Wsdl + "message").Select(m => Message(m, tns, origin)).ToDictionary(m => m.Name);
        var port = Port(root, tns, portName, messages, origin);
        return new WsdlModel(origin, schemas, messages, port);
    }

    private static WsdlMessage Message(XElement message, string tns, string origin) =>
        new(
            XName.Get(Name(message, origin), tns),
            message.Elements(WsdlNames.Wsdl + "part").Select(part => new WsdlPart(
                Name(part, origin),
                part.Attribute("element") is { } element ? WsdlNames.Resolve(part, element.Value, origin) : null,
                part.Attribute("type") is { } type ? WsdlNames.Resolve(part, type.Value, origin) : null,
                part)).ToList());

    private static SoapPort Port(XElement root, string tns, string? portName, Dictionary<XName, WsdlMessage> messages, string origin)
    {
        var ports = root.Elements(WsdlNames.Wsdl + "service").Elements(WsdlNames.Wsdl + "port").ToList();
        var bindings = root.Elements(WsdlNames.Wsdl + "binding").ToDictionary(b => XName.Get(Name(b, origin), tns));
        foreach (var port in ports)
        {
            var name = Name(port, origin);
            if (portName is not null && name != portName)
            {
                continue;
            }

            var bindingName = WsdlNames.Resolve(port, (string?)port.Attribute("binding") ?? "", origin);
            if (!bindings.TryGetValue(bindingName, out var binding) || Version(binding) is not { } version)
            {
                if (portName is not null)
                {
                    throw new SoapSourceException($"{WsdlNames.Place(port, origin)}: port \"{name}\" is not bound to SOAP 1.1 or 1.2.");
                }

                continue;
            }

            var ns = version == SoapVersion.Soap11 ? WsdlNames.Soap11Binding : WsdlNames.Soap12Binding;
            var location = (string?)port.Element(ns + "address")?.Attribute("location");
            var address = Uri.TryCreate(location, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri : null;
            return new SoapPort(name, address, version, Operations(root, binding, ns, tns, messages, origin));
        }

        throw new SoapSourceException(portName is null
            ? $"{origin}: no service port is bound to SOAP 1.1 or 1.2."
            : $"{origin}: no service port is named \"{portName}\" (ports: {string.Join(", ", ports.Select(p => (string?)p.Attribute("name")))}).");
    }

    private static SoapVersion? Version(XElement binding) =>
        binding.Element(WsdlNames.Soap11Binding + "binding") is not null ? SoapVersion.Soap11
        : binding.Element(WsdlNames.Soap12Binding + "binding") is not null ? SoapVersion.Soap12
        : null;

    private static List<SoapOperation> Operations(XElement root, XElement binding, XNamespace soap, string tns, Dictionary<XName, WsdlMessage> messages, string origin)
    {
        var portTypeName = WsdlNames.Resolve(binding, (string?)binding.Attribute("type") ?? "", origin);
        var portType = root.Elements(WsdlNames.Wsdl + "portType").FirstOrDefault(p => XName.Get(Name(p, origin), tns) == portTypeName)
            ?? throw new SoapSourceException($"{WsdlNames.Place(binding, origin)}: the binding's port type {portTypeName.LocalName} is not in the document.");
        var bindingStyle = (string?)binding.Element(soap + "binding")?.Attribute("style") ?? "document";
        var operations = new List<SoapOperation>();
        foreach (var bound in binding.Elements(WsdlNames.Wsdl + "operation"))
        {
            var name = Name(bound, origin);
            var abstractOperation = portType.Elements(WsdlNames.Wsdl + "operation").FirstOrDefault(o => (string?)o.Attribute("name") == name)
                ?? throw new SoapSourceException($"{WsdlNames.Place(bound, origin)}: operation \"{name}\" is not in the port type {portTypeName.LocalName}.");
            var soapOperation = bound.Element(soap + "operation");
            var input = abstractOperation.Element(WsdlNames.Wsdl + "input")
                ?? throw new SoapSourceException($"{WsdlNames.Place(abstractOperation, origin)}: operation \"{name}\" has no input (notifications are not supported).");
            var output = abstractOperation.Element(WsdlNames.Wsdl + "output");
            var body = bound.Element(WsdlNames.Wsdl + "input")?.Element(soap + "body");
            if ((string?)body?.Attribute("use") == "encoded")
            {
                throw new SoapSourceException($"{WsdlNames.Place(body!, origin)}: operation \"{name}\" uses SOAP encoding; only literal use is supported.");
            }

            operations.Add(new SoapOperation(
                name,
                (string?)soapOperation?.Attribute("soapAction") ?? "",
                ((string?)soapOperation?.Attribute("style") ?? bindingStyle) == "rpc",
                (string?)body?.Attribute("namespace"),
                MessageOf(input, messages, origin),
                output is null ? null : MessageOf(output, messages, origin),
                bound,
                (string?)abstractOperation.Element(WsdlNames.Wsdl + "documentation")));
        }

        return operations;
    }

    private static WsdlMessage MessageOf(XElement reference, Dictionary<XName, WsdlMessage> messages, string origin)
    {
        var name = WsdlNames.Resolve(reference, (string?)reference.Attribute("message") ?? "", origin);
        return messages.TryGetValue(name, out var message)
            ? message
            : throw new SoapSourceException($"{WsdlNames.Place(reference, origin)}: message {name.LocalName} is not in the document.");
    }

    private static string Name(XElement element, string origin) =>
        (string?)element.Attribute("name") ?? throw new SoapSourceException($"{WsdlNames.Place(element, origin)}: {element.Name.LocalName} has no name.");
}
