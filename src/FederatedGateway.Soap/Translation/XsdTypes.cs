using System.Text;
using System.Xml.Linq;
using FederatedGateway.OpenApi.Translation;
using FederatedGateway.Soap.Wsdl;
using Names = FederatedGateway.OpenApi.Translation.OpenApiNames;

namespace FederatedGateway.Soap.Translation;

/// <summary>
/// The GraphQL types of a WSDL's XML Schema types, made as operations ask for them: complex types as objects (input
/// objects named <c>…Input</c>), their elements and attributes as fields (an element that may repeat a list, one that
/// may be absent or nil nullable; <c>complexContent</c> extensions with their base's fields first;
/// <c>simpleContent</c> as a <c>value</c> field), simple types with enumerations as enums, the built-in types as
/// scalars (<c>int</c> → <c>Int</c>, <c>long</c>/<c>integer</c> → <c>Int64</c>, <c>decimal</c> → <c>Decimal</c>,
/// <c>dateTime</c> → <c>DateTime</c>, <c>date</c> → <c>Date</c>, …). Each field keeps the XML name it reads
/// (<c>@name</c> for an attribute, <c>#text</c> for simple content), and each type the namespace of its elements.
/// </summary>
internal sealed class XsdTypes(XsdSchemas schemas, ApiTranslationOptions options, string origin)
{
    private readonly TypeDefinitions _types = new();
    private readonly Queue<(XElement ComplexType, XsdSchema Schema, bool Input, string Name)> _pending = new();

    public IReadOnlyDictionary<string, ApiType> Model => _types.Model;

    /// <summary>By type name: the namespace its child elements are written in (null: unqualified).</summary>
    public Dictionary<string, string?> ChildNamespaces { get; } = new(StringComparer.Ordinal);

    /// <summary>The GraphQL type of an element declaration (a local one, or a global one by <c>ref</c>), with its XML name and namespace.</summary>
    public XsdField OfElement(XElement declaration, XsdSchema schema, bool input, string context, bool global = false)
    {
        if (declaration.Attribute("ref") is { } reference)
        {
            var name = WsdlNames.Resolve(declaration, reference.Value, origin);
            if (!schemas.TryGetElement(name, out var target, out var targetSchema))
            {
                throw new SoapSourceException($"{WsdlNames.Place(declaration, origin)}: element {name.LocalName} is not declared.");
            }

            var referenced = OfElement(target, targetSchema, input, context, global: true);
            return referenced with { Type = Cardinality(declaration, TypeRefs.Named(referenced.Type)) };
        }

        var local = (string?)declaration.Attribute("name") ?? throw new SoapSourceException($"{WsdlNames.Place(declaration, origin)}: an element without a name or ref.");
        var named = TypeOf(declaration, schema, input, global ? local : context + " " + local);
        var ns = global || schema.ElementsQualified ? schema.TargetNamespace : null;
        return new XsdField(local, ns, Cardinality(declaration, named));
    }

    /// <summary>The GraphQL type an element or attribute declaration has: its <c>type</c>, its inline type, or a string.</summary>
    private string TypeOf(XElement declaration, XsdSchema schema, bool input, string context)
    {
        if (declaration.Attribute("type") is { } type)
        {
            return OfTypeName(WsdlNames.Resolve(declaration, type.Value, origin), input, declaration);
        }

        if (declaration.Element(WsdlNames.Xsd + "complexType") is { } complex)
        {
            return ObjectType(complex, schema, context, input);
        }

        return declaration.Element(WsdlNames.Xsd + "simpleType") is { } simple ? SimpleType(simple, context) : "String";
    }

    /// <summary>The GraphQL type of a named XSD type.</summary>
    public string OfTypeName(XName type, bool input, XElement where)
    {
        if (type.Namespace == WsdlNames.Xsd)
        {
            return Builtin(type.LocalName);
        }

        if (schemas.TryGetComplexType(type, out var complex, out var schema))
        {
            return ObjectType(complex, schema, type.LocalName, input);
        }

        if (schemas.TryGetSimpleType(type, out var simple, out _))
        {
            return SimpleType(simple, type.LocalName);
        }

        throw new SoapSourceException($"{WsdlNames.Place(where, origin)}: type {type} is not declared in the WSDL's schemas.");
    }

    /// <summary>A type made for a place that has none in the schema (an RPC operation's several output parts).</summary>
    public string Synthetic(string key, IReadOnlyList<(string Field, XsdField Value)> fields)
    {
        if (!_types.TryName(key, input: false, "", out var name))
        {
            return name;
        }

        var model = _types.Model[name] = new ApiType(name, ApiTypeKind.Object);
        var definition = new StringBuilder("type ").Append(name).Append(" {\n");
        foreach (var (field, value) in fields)
        {
            definition.Append("  ").Append(field).Append(": ").Append(value.Type).Append('\n');
            model.Fields[field] = new ApiField(field, value.XmlName, value.Type);
        }

        _types.Define(name, definition.Append("}\n").ToString());
        ChildNamespaces[name] = null;
        return name;
    }

    /// <summary>Makes the fields of every object and input type named so far, and of those they lead to.</summary>
    public void Complete()
    {
        while (_pending.TryDequeue(out var next))
        {
            MakeFields(next.ComplexType, next.Schema, next.Input, next.Name);
        }
    }

    /// <summary>Every type and scalar made, in name order (after <see cref="Complete"/>).</summary>
    public void Print(StringBuilder sdl) => _types.Print(sdl);

    /// <summary>The element and attribute declarations of a complex type, its base's first; whether it has simple content, and of what type.</summary>
    public XsdContent ContentOf(XElement complexType, XsdSchema schema)
    {
        var content = new XsdContent();
        Collect(complexType, schema, content, optional: false, new HashSet<XElement>(), depth: 0);
        return content;
    }

    /// <summary>How deep groups and derivations may nest in one type (a real schema nests a few levels; a hostile one thousands).</summary>
    public const int MaxContentDepth = 64;

    private void Collect(XElement node, XsdSchema schema, XsdContent content, bool optional, HashSet<XElement> visited, int depth)
    {
        if (!visited.Add(node))
        {
            return;
        }

        if (depth > MaxContentDepth)
        {
            throw new SoapSourceException($"{WsdlNames.Place(node, origin)}: groups and derivations nest more than {MaxContentDepth} deep.");
        }

        foreach (var child in node.Elements())
        {
            switch (child.Name.LocalName)
            {
                case "sequence" or "all":
                    Collect(child, schema, content, optional || (string?)child.Attribute("minOccurs") == "0", visited, depth + 1);
                    break;
                case "choice":
                    Collect(child, schema, content, optional: true, visited, depth + 1);
                    break;
                case "element":
                    content.Elements.Add((child, schema, optional));
                    break;
                case "attribute":
                    content.Attributes.Add((child, schema));
                    break;
                case "complexContent" or "simpleContent":
                    var derivation = child.Element(WsdlNames.Xsd + "extension") ?? child.Element(WsdlNames.Xsd + "restriction");
                    if (derivation is null)
                    {
                        break;
                    }

                    var baseName = derivation.Attribute("base") is { } b ? WsdlNames.Resolve(derivation, b.Value, origin) : null;
                    if (child.Name.LocalName == "simpleContent")
                    {
                        content.TextType = baseName is null ? "String" : OfTypeName(baseName, input: false, derivation);
                    }
                    else if (baseName is not null && derivation.Name.LocalName == "extension" && schemas.TryGetComplexType(baseName, out var baseType, out var baseSchema))
                    {
                        Collect(baseType, baseSchema, content, optional, visited, depth + 1);
                    }

                    Collect(derivation, schema, content, optional, visited, depth + 1);
                    break;
            }
        }
    }

    private void MakeFields(XElement complexType, XsdSchema schema, bool input, string name)
    {
        var model = _types.Model[name] = new ApiType(name, input ? ApiTypeKind.Input : ApiTypeKind.Object);
        ChildNamespaces[name] = schema.ElementsQualified ? schema.TargetNamespace : null;
        var content = ContentOf(complexType, schema);
        var definition = new StringBuilder();
        Describe(definition, complexType, "");
        definition.Append(input ? "input " : "type ").Append(name);
        if (!input)
        {
            RelationFields.AppendKey(definition, name, options);
        }

        definition.Append(" {\n");
        var fields = new HashSet<string>(StringComparer.Ordinal);
        void Add(string field, string xmlName, string type, XElement? documented)
        {
            if (!fields.Add(field))
            {
                return;
            }

            if (documented is not null)
            {
                Describe(definition, documented, "  ");
            }

            definition.Append("  ").Append(field).Append(": ").Append(type).Append('\n');
            model.Fields[field] = new ApiField(field, xmlName, type);
        }

        if (content.TextType is { } text)
        {
            Add("value", "#text", text, null);
        }

        foreach (var (attribute, attributeSchema) in content.Attributes)
        {
            if ((string?)attribute.Attribute("name") is not { } attributeName)
            {
                continue;
            }

            var type = TypeOf(attribute, attributeSchema, input, name + " " + attributeName);
            Add(Names.Camel(attributeName), "@" + attributeName, type + ((string?)attribute.Attribute("use") == "required" ? "!" : ""), attribute);
        }

        foreach (var (element, elementSchema, optional) in content.Elements)
        {
            var field = OfElement(element, elementSchema, input, name);
            var type = optional && field.Type.EndsWith('!') && !TypeRefs.IsList(field.Type) ? field.Type[..^1] : field.Type;
            Add(Names.Camel(field.XmlName), field.XmlName, type, element);
        }

        if (!input && options.Relations.TryGetValue(name, out var relations))
        {
            RelationFields.Add(definition, model, fields, relations);
        }

        if (fields.Count == 0)
        {
            definition.Append("  \"No content: the element is given empty.\"\n  _empty: Boolean\n");
        }

        _types.Define(name, definition.Append("}\n").ToString());
    }

    private string ObjectType(XElement complexType, XsdSchema schema, string key, bool input)
    {
        if (!_types.TryName(key, input, input ? "Input" : "", out var name))
        {
            return name;
        }

        _types.Define(name, "");
        _pending.Enqueue((complexType, schema, input, name));
        return name;
    }

    private string SimpleType(XElement simpleType, string key)
    {
        var restriction = simpleType.Element(WsdlNames.Xsd + "restriction");
        var values = restriction?.Elements(WsdlNames.Xsd + "enumeration").Select(e => (string?)e.Attribute("value")).OfType<string>().ToList() ?? [];
        if (values.Count == 0)
        {
            return restriction?.Attribute("base") is { } b ? OfTypeName(WsdlNames.Resolve(restriction, b.Value, origin), input: false, restriction) : "String";
        }

        var description = simpleType.Element(WsdlNames.Xsd + "annotation")?.Element(WsdlNames.Xsd + "documentation")?.Value;
        return _types.Enum(key, values, description);
    }

    private string Builtin(string type) => type switch
    {
        "int" or "short" or "byte" or "unsignedShort" or "unsignedByte" => "Int",
        "long" or "integer" or "unsignedInt" or "unsignedLong" or "nonNegativeInteger" or "positiveInteger" or "negativeInteger" or "nonPositiveInteger" => _types.Scalar("Int64"),
        "decimal" => _types.Scalar("Decimal"),
        "double" or "float" => "Float",
        "boolean" => "Boolean",
        "dateTime" => _types.Scalar("DateTime"),
        "date" => _types.Scalar("Date"),
        _ => "String",
    };

    /// <summary>An element's list and nullability: repeatable → a list of non-null items (nil items nullable), absent-able or nil-able → nullable.</summary>
    private static string Cardinality(XElement declaration, string named)
    {
        var max = (string?)declaration.Attribute("maxOccurs");
        var nillable = (string?)declaration.Attribute("nillable") == "true";
        if (max is "unbounded" || (int.TryParse(max, out var count) && count > 1))
        {
            return "[" + named + (nillable ? "" : "!") + "]!";
        }

        return (string?)declaration.Attribute("minOccurs") == "0" || nillable ? named : named + "!";
    }

    /// <summary>The declaration's <c>xs:annotation/xs:documentation</c> as a description.</summary>
    private static void Describe(StringBuilder sdl, XElement declaration, string indent) =>
        SchemaTypes.Describe(sdl, declaration.Element(WsdlNames.Xsd + "annotation")?.Element(WsdlNames.Xsd + "documentation")?.Value, indent);
}

/// <summary>An element as a field: its XML name, the namespace it is written in (null: unqualified), and its GraphQL type.</summary>
internal sealed record XsdField(string XmlName, string? Namespace, string Type);

/// <summary>What a complex type holds: element declarations (each with its schema, and whether a choice or optional group makes it optional), attributes, and the type of its simple content.</summary>
internal sealed class XsdContent
{
    public List<(XElement Declaration, XsdSchema Schema, bool Optional)> Elements { get; } = [];

    public List<(XElement Declaration, XsdSchema Schema)> Attributes { get; } = [];

    public string? TextType { get; set; }
}
