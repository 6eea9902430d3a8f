using System.Text;
using System.Xml.Linq;
using FederatedGateway.OpenApi;
using FederatedGateway.OpenApi.Translation;
using FederatedGateway.Soap.Wsdl;
using Names = FederatedGateway.OpenApi.Translation.OpenApiNames;

namespace FederatedGateway.Soap.Translation;

/// <summary>
/// Translates the operations of a WSDL's SOAP port into a subgraph: each operation is a root field named after it in
/// camelCase, on Query when its name starts with a reading verb (get, list, find, search, query, lookup, fetch,
/// read, convert) and on Mutation otherwise (the config's <c>operations</c> overrides it). Document style: the
/// children of a wrapper input element are the arguments (else each part is one), and the only child of the
/// output element is the value (else the element is). RPC style: each part is an argument, the only output part
/// the value (several make a <c>…Result</c> type). An operation without output answers <c>true</c>.
/// </summary>
public static class WsdlTranslator
{
    private static readonly string[] ReadingVerbs = ["get", "list", "find", "search", "query", "lookup", "fetch", "read", "convert"];

    /// <exception cref="SoapSourceException">The WSDL has what the translation cannot map.</exception>
    /// <exception cref="OpenApiSourceException">An option names what the WSDL does not have.</exception>
    public static SoapTranslation Translate(WsdlModel wsdl, ApiTranslationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(wsdl);
        options ??= ApiTranslationOptions.None;
        var types = new XsdTypes(wsdl.Schemas, options, wsdl.Origin);
        var roots = new Dictionary<string, StringBuilder>(StringComparer.Ordinal) { ["Query"] = new(), ["Mutation"] = new() };
        var names = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal) { ["Query"] = new(StringComparer.Ordinal), ["Mutation"] = new(StringComparer.Ordinal) };
        var bindings = new Dictionary<string, OperationBinding>(StringComparer.Ordinal);
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var operation in wsdl.Port.Operations)
        {
            var name = Names.Camel(operation.Name);
            if (ApiSdl.RootOf(options, name, operation.Name, IsReading(operation.Name), used) is not { } root)
            {
                continue;
            }

            var field = ApiSdl.Unique(names[root], name);
            bindings[root + "." + field] = Field(roots[root], types, wsdl, operation, field) with { IsRead = root == "Query" };
        }

        types.Complete();
        ApiSdl.CheckOperationsUsed(options, used, bindings.Keys, wsdl.Origin);
        if (bindings.Count == 0)
        {
            throw new SoapSourceException($"{wsdl.Origin}: port {wsdl.Port.Name} has no operations to translate.");
        }

        var entities = OpenApiEntities.Bind(options, types.Model, bindings, wsdl.Origin);
        var sdl = ApiSdl.Assemble(roots, entities.Count > 0, types.Print);
        return new SoapTranslation(new ApiTranslation(sdl, bindings, types.Model, entities), types.ChildNamespaces, wsdl.Port.Version, wsdl.Port.Address);
    }

    private static bool IsReading(string operation) =>
        ReadingVerbs.Any(verb => operation.StartsWith(verb, StringComparison.OrdinalIgnoreCase)
            && (operation.Length == verb.Length || char.IsUpper(operation[verb.Length]) || operation[verb.Length] == '_'));

    private static SoapOperationBinding Field(StringBuilder root, XsdTypes types, WsdlModel wsdl, SoapOperation operation, string field)
    {
        var context = Names.Pascal(operation.Name);
        var (requestElement, arguments) = operation.Rpc ? RpcInput(types, wsdl, operation, context) : DocumentInput(types, wsdl, operation, context);
        var (returned, resultChild) = operation.Output is null ? ("Boolean", null)
            : operation.Rpc ? RpcOutput(types, wsdl, operation.Output, context)
            : DocumentOutput(types, wsdl, operation.Output, context);

        // A root field is nullable whatever the schema says: a fault makes it null, not the whole answer.
        var returnType = returned.TrimEnd('!');
        SchemaTypes.Describe(root, operation.Documentation, "  ");
        root.Append("  ").Append(field);
        if (arguments.Count > 0)
        {
            root.Append('(').AppendJoin(", ", arguments.Select(a => a.Name + ": " + a.Type)).Append(')');
        }

        root.Append(": ").Append(returnType).Append('\n');
        return new SoapOperationBinding(operation.Name, requestElement, arguments, operation.SoapAction, resultChild, returnType == "Boolean" && resultChild is null, returnType)
        {
            ArgumentTypes = arguments.ToDictionary(a => a.Name, a => a.Type.TrimEnd('!'), StringComparer.Ordinal),
        };
    }

    /// <summary>Document style: a wrapper element's children as arguments, or each part's element as one.</summary>
    private static (XName?, List<SoapArgument>) DocumentInput(XsdTypes types, WsdlModel wsdl, SoapOperation operation, string context)
    {
        var parts = operation.Input.Parts;
        if (parts is [{ Element: { } wrapper }] && Wrapped(types, wsdl, wrapper) is { } children)
        {
            var taken = new HashSet<string>(StringComparer.Ordinal);
            return (wrapper, children.Select(child =>
            {
                var f = types.OfElement(child.Declaration, child.Schema, input: true, context);
                var type = child.Optional ? f.Type.TrimEnd('!') : f.Type;
                return new SoapArgument(ApiSdl.Unique(taken, Names.Camel(f.XmlName)), f.XmlName, f.Namespace, type);
            }).ToList());
        }

        var arguments = new List<SoapArgument>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var part in parts)
        {
            var element = part.Element ?? throw new SoapSourceException($"{WsdlNames.Place(part.Declaration, wsdl.Origin)}: a document-style part must name an element.");
            var f = GlobalElement(types, wsdl, element, input: true, context, part.Declaration);
            arguments.Add(new SoapArgument(ApiSdl.Unique(names, Names.Camel(part.Name)), f.XmlName, f.Namespace, f.Type));
        }

        return (null, arguments);
    }

    /// <summary>RPC style: the operation's element (in the body's namespace) with each part, unqualified, as an argument.</summary>
    private static (XName?, List<SoapArgument>) RpcInput(XsdTypes types, WsdlModel wsdl, SoapOperation operation, string context)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var arguments = operation.Input.Parts.Select(part =>
        {
            var type = PartType(types, wsdl, part, input: true, context);
            return new SoapArgument(ApiSdl.Unique(names, Names.Camel(part.Name)), part.Name, null, type);
        }).ToList();
        return (XName.Get(operation.Name, operation.BodyNamespace ?? wsdl.Messages.Keys.FirstOrDefault()?.NamespaceName ?? ""), arguments);
    }

    private static (string, string?) DocumentOutput(XsdTypes types, WsdlModel wsdl, WsdlMessage output, string context)
    {
        if (output.Parts is not [{ Element: { } element } part])
        {
            throw new SoapSourceException($"{wsdl.Origin}: message {output.Name.LocalName} must have one part naming an element (document style).");
        }

        if (Wrapped(types, wsdl, element) is { } children)
        {
            switch (children.Count)
            {
                case 0:
                    return ("Boolean", null);
                case 1:
                    var only = types.OfElement(children[0].Declaration, children[0].Schema, input: false, context + " Result");
                    return (children[0].Optional ? only.Type.TrimEnd('!') : only.Type, only.XmlName);
            }
        }

        return (GlobalElement(types, wsdl, element, input: false, context + " Result", part.Declaration).Type.TrimEnd('!'), null);
    }

    private static (string, string?) RpcOutput(XsdTypes types, WsdlModel wsdl, WsdlMessage output, string context)
    {
        switch (output.Parts.Count)
        {
            case 0:
                return ("Boolean", null);
            case 1:
                return (PartType(types, wsdl, output.Parts[0], input: false, context).TrimEnd('!'), output.Parts[0].Name);
            default:
                var fields = output.Parts.Select(p => (Names.Camel(p.Name), new XsdField(p.Name, null, PartType(types, wsdl, p, input: false, context)))).ToList();
                return (types.Synthetic(context + "Result", fields), null);
        }
    }

    private static string PartType(XsdTypes types, WsdlModel wsdl, WsdlPart part, bool input, string context) =>
        part.Type is { } type ? types.OfTypeName(type, input, part.Declaration) + "!"
        : part.Element is { } element ? GlobalElement(types, wsdl, element, input, context, part.Declaration).Type
        : throw new SoapSourceException($"{WsdlNames.Place(part.Declaration, wsdl.Origin)}: part \"{part.Name}\" names neither a type nor an element.");

    private static XsdField GlobalElement(XsdTypes types, WsdlModel wsdl, XName element, bool input, string context, XElement where) =>
        wsdl.Schemas.TryGetElement(element, out var declaration, out var schema)
            ? types.OfElement(declaration, schema, input, context, global: true)
            : throw new SoapSourceException($"{WsdlNames.Place(where, wsdl.Origin)}: element {element} is not declared in the WSDL's schemas.");

    /// <summary>The child elements of a global element whose type holds elements only (a wrapper); null when it is not one.</summary>
    private static List<(XElement Declaration, XsdSchema Schema, bool Optional)>? Wrapped(XsdTypes types, WsdlModel wsdl, XName element)
    {
        if (!wsdl.Schemas.TryGetElement(element, out var declaration, out var schema))
        {
            throw new SoapSourceException($"{wsdl.Origin}: element {element} is not declared in the WSDL's schemas.");
        }

        XElement? complex = declaration.Element(WsdlNames.Xsd + "complexType");
        var complexSchema = schema;
        if (complex is null && declaration.Attribute("type") is { } type && !wsdl.Schemas.TryGetComplexType(WsdlNames.Resolve(declaration, type.Value, wsdl.Origin), out complex, out complexSchema))
        {
            return null;
        }

        if (complex is null)
        {
            return null;
        }

        var content = types.ContentOf(complex, complexSchema);
        return content.Attributes.Count == 0 && content.TextType is null ? content.Elements : null;
    }
}
