using System.Xml.Linq;

namespace FederatedGateway.Soap.Wsdl;

/// <summary>
/// The XML Schemas inside a WSDL's <c>types</c>: their global elements, complex types and simple types by qualified
/// name, each with the schema it belongs to (its target namespace and whether its local elements are qualified).
/// </summary>
public sealed class XsdSchemas
{
    private readonly Dictionary<XName, (XElement Declaration, XsdSchema Schema)> _elements = [];
    private readonly Dictionary<XName, (XElement Declaration, XsdSchema Schema)> _complexTypes = [];
    private readonly Dictionary<XName, (XElement Declaration, XsdSchema Schema)> _simpleTypes = [];

    /// <exception cref="SoapSourceException">A schema imports or includes another document (only inline schemas are read).</exception>
    public XsdSchemas(IEnumerable<XElement> schemas, string origin)
    {
        foreach (var element in schemas)
        {
            var schema = new XsdSchema(
                (string?)element.Attribute("targetNamespace") ?? "",
                (string?)element.Attribute("elementFormDefault") == "qualified");
            foreach (var child in element.Elements())
            {
                if (child.Name == WsdlNames.Xsd + "include" || (child.Name == WsdlNames.Xsd + "import" && child.Attribute("schemaLocation") is not null))
                {
                    throw new SoapSourceException($"{WsdlNames.Place(child, origin)}: schemas from other documents ({child.Attribute("schemaLocation")?.Value}) are not read; put the schema inline in the WSDL's types.");
                }

                var name = (string?)child.Attribute("name");
                if (name is null)
                {
                    continue;
                }

                var key = XName.Get(name, schema.TargetNamespace);
                var table = child.Name.LocalName switch
                {
                    "element" => _elements,
                    "complexType" => _complexTypes,
                    "simpleType" => _simpleTypes,
                    _ => null,
                };
                table?.TryAdd(key, (child, schema));
            }
        }
    }

    public bool TryGetElement(XName name, out XElement declaration, out XsdSchema schema) => TryGet(_elements, name, out declaration, out schema);

    public bool TryGetComplexType(XName name, out XElement declaration, out XsdSchema schema) => TryGet(_complexTypes, name, out declaration, out schema);

    public bool TryGetSimpleType(XName name, out XElement declaration, out XsdSchema schema) => TryGet(_simpleTypes, name, out declaration, out schema);

    private static bool TryGet(Dictionary<XName, (XElement, XsdSchema)> table, XName name, out XElement declaration, out XsdSchema schema)
    {
        var found = table.TryGetValue(name, out var entry);
        (declaration, schema) = entry;
        return found;
    }
}

/// <param name="ElementsQualified">The schema's <c>elementFormDefault="qualified"</c>: its local elements are in its namespace.</param>
public sealed record XsdSchema(string TargetNamespace, bool ElementsQualified);
