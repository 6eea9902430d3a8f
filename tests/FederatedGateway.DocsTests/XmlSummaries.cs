using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace FederatedGateway.DocsTests;

/// <summary>The <c>&lt;summary&gt;</c> of properties, read from the XML documentation files next to their assemblies.</summary>
internal sealed partial class XmlSummaries
{
    private readonly Dictionary<Assembly, Dictionary<string, XElement>> _files = [];

    /// <summary>The summary of <paramref name="property"/> as one line of markdown, or an empty string when it has none.</summary>
    public string Of(PropertyInfo property)
    {
        var type = property.DeclaringType!;
        var members = Members(type.Assembly);
        return members.TryGetValue($"P:{type.FullName!.Replace('+', '.')}.{property.Name}", out var member)
            && member.Element("summary") is { } summary ? Markdown(summary) : "";
    }

    private Dictionary<string, XElement> Members(Assembly assembly)
    {
        if (!_files.TryGetValue(assembly, out var members))
        {
            var path = Path.ChangeExtension(assembly.Location, ".xml");
            members = File.Exists(path)
                ? XDocument.Load(path, LoadOptions.PreserveWhitespace).Descendants("member").ToDictionary(m => (string)m.Attribute("name")!, StringComparer.Ordinal)
                : [];
            _files[assembly] = members;
        }

        return members;
    }

    private static string Markdown(XElement element)
    {
        var text = string.Concat(element.Nodes().Select(Inline));
        return Whitespace().Replace(text, " ").Trim().Replace("|", "\\|");
    }

    private static string Inline(XNode node) => node switch
    {
        XText text => text.Value,
        XElement { Name.LocalName: "c" } code => $"`{code.Value}`",
        XElement { Name.LocalName: "see" or "seealso" } see when see.Attribute("langword") is { } word => $"`{word.Value}`",
        XElement { Name.LocalName: "see" or "seealso" } see when see.Attribute("cref") is { } cref => $"`{ShortName(cref.Value)}`",
        XElement { Name.LocalName: "paramref" or "typeparamref" } reference => $"`{reference.Attribute("name")?.Value}`",
        XElement element => string.Concat(element.Nodes().Select(Inline)),
        _ => "",
    };

    /// <summary><c>P:FederatedGateway.AspNetCore.GatewayOptions.SubgraphTimeout</c> → <c>SubgraphTimeout</c>.</summary>
    private static string ShortName(string cref)
    {
        var name = cref.Length > 2 && cref[1] == ':' ? cref[2..] : cref;
        var paren = name.IndexOf('(');
        if (paren >= 0)
        {
            name = name[..paren];
        }

        return name[(name.LastIndexOf('.') + 1)..];
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
