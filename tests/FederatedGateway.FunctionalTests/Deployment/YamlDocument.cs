using YamlDotNet.RepresentationModel;

namespace FederatedGateway.FunctionalTests.Deployment;

/// <summary>Reads a YAML file's first document and walks it by dotted paths (<c>spec.template.spec</c>); a missing key fails the test.</summary>
public static class YamlDocument
{
    public static YamlMappingNode Load(string path)
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(path))
        {
            stream.Load(reader);
        }

        return Assert.IsType<YamlMappingNode>(Assert.Single(stream.Documents).RootNode);
    }

    public static YamlNode? Find(this YamlNode node, string path)
    {
        foreach (var key in path.Split('.'))
        {
            if (node is not YamlMappingNode map || !map.Children.TryGetValue(new YamlScalarNode(key), out var child))
            {
                return null;
            }

            node = child;
        }

        return node;
    }

    public static YamlMappingNode Map(this YamlNode node, string path) =>
        node.Find(path) as YamlMappingNode ?? throw new Xunit.Sdk.XunitException($"no mapping at {path}");

    public static IReadOnlyList<YamlNode> List(this YamlNode node, string path) =>
        (node.Find(path) as YamlSequenceNode)?.Children.ToList() ?? throw new Xunit.Sdk.XunitException($"no list at {path}");

    public static string Text(this YamlNode node, string path) =>
        (node.Find(path) as YamlScalarNode)?.Value ?? throw new Xunit.Sdk.XunitException($"no value at {path}");

    public static IReadOnlyList<string> Texts(this YamlNode node, string path) =>
        node.List(path).Select(n => ((YamlScalarNode)n).Value!).ToList();

    /// <summary>The item of a list of mappings whose <paramref name="key"/> is <paramref name="value"/> (containers, ports, volumes by name).</summary>
    public static YamlMappingNode Named(this IReadOnlyList<YamlNode> items, string value, string key = "name") =>
        items.OfType<YamlMappingNode>().SingleOrDefault(i => i.Find(key) is YamlScalarNode s && s.Value == value)
        ?? throw new Xunit.Sdk.XunitException($"no item with {key}: {value}");
}
