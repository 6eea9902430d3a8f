using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace FederatedGateway.Core.CompositionConfig;

/// <summary>Reads a <c>supergraph.yaml</c> into a <see cref="SupergraphConfig"/>, with messages naming the key at fault.</summary>
public static partial class SupergraphConfigReader
{
    /// <exception cref="SupergraphConfigException">The file is missing, not YAML, or not a supergraph config.</exception>
    public static SupergraphConfig Read(string path)
    {
        var fullPath = System.IO.Path.GetFullPath(path);
        string text;
        try
        {
            text = File.ReadAllText(fullPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new SupergraphConfigException($"cannot read {path}: {ex.Message}", ex);
        }

        return Parse(text, fullPath);
    }

    /// <summary>Parses config text; <paramref name="fullPath"/> anchors relative schema files.</summary>
    public static SupergraphConfig Parse(string text, string fullPath)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            throw new SupergraphConfigException($"{fullPath}:{ex.Start.Line}:{ex.Start.Column}: not valid YAML: {ex.Message}", ex);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new SupergraphConfigException($"{fullPath}: expected a mapping with a \"subgraphs\" key.");
        }

        var folder = System.IO.Path.GetDirectoryName(fullPath)!;
        var version = Scalar(root, "federation_version", fullPath);
        if (version is not null && !FederationVersionPattern().IsMatch(version))
        {
            throw new SupergraphConfigException($"{fullPath}: \"federation_version\" must look like =2.3.2 or 2 (rover's form), not \"{version}\".");
        }

        if (Child(root, "subgraphs") is not YamlMappingNode subgraphs || subgraphs.Children.Count == 0)
        {
            throw new SupergraphConfigException($"{fullPath}: \"subgraphs\" must map subgraph names to their routing_url and schema.");
        }

        var list = new List<SubgraphConfig>();
        foreach (var (key, value) in subgraphs.Children)
        {
            list.Add(ReadSubgraph(KeyName(key, "a subgraph name", fullPath), value, folder, fullPath));
        }

        return new SupergraphConfig(fullPath, version, list);
    }

    private static SubgraphConfig ReadSubgraph(string name, YamlNode node, string folder, string file)
    {
        var where = $"{file}:{node.Start.Line}: subgraph \"{name}\"";
        if (node is not YamlMappingNode entry)
        {
            throw new SupergraphConfigException($"{where}: expected routing_url and schema.");
        }

        var routingUrl = Scalar(entry, "routing_url", file);
        if (Child(entry, "schema") is not YamlMappingNode schema)
        {
            throw new SupergraphConfigException($"{where}: \"schema\" must have one of {SchemaKeys()}.");
        }

        CheckSchemaKeys(schema, file, where);
        var schemaFile = Scalar(schema, "file", file);
        var subgraphUrl = Scalar(schema, "subgraph_url", file);
        SourceEntry? source = null;
        var sources = (schemaFile is null ? 0 : 1) + (subgraphUrl is null ? 0 : 1);
        foreach (var kind in SourceEntry.Kinds)
        {
            switch (Child(schema, kind))
            {
                case null:
                    continue;
                case YamlMappingNode mapping:
                    // Single values here; nested options (entities, messages, operations…) are read and checked by the source kind.
                    var options = mapping.Children.Where(p => p.Value is YamlScalarNode).ToDictionary(
                        p => KeyName(p.Key, $"a {kind} option", file),
                        p => ((YamlScalarNode)p.Value).Value ?? "",
                        StringComparer.Ordinal);
                    source = new SourceEntry(kind, options, mapping);
                    sources++;
                    break;
                case var other:
                    throw new SupergraphConfigException($"{file}:{other.Start.Line}:{other.Start.Column}: {where}: \"{kind}\" must be a mapping of options.");
            }
        }

        if (sources != 1)
        {
            throw new SupergraphConfigException($"{where}: \"schema\" must have exactly one of {SchemaKeys()}.");
        }

        if (routingUrl is null && source is null && subgraphUrl is null)
        {
            throw new SupergraphConfigException($"{where}: \"routing_url\" is required for a schema from a file.");
        }

        RequireAbsoluteUrl(routingUrl, "routing_url", where, allowAnyScheme: true);
        RequireAbsoluteUrl(subgraphUrl, "subgraph_url", where, allowAnyScheme: false);
        return new SubgraphConfig(
            name,
            routingUrl ?? subgraphUrl ?? source?.Options.GetValueOrDefault("url"),
            schemaFile is null ? null : System.IO.Path.GetFullPath(System.IO.Path.Combine(folder, schemaFile)),
            subgraphUrl)
        {
            Source = source,
            ConfigFile = file,
        };
    }

    private static string SchemaKeys() => "file, subgraph_url, " + string.Join(", ", SourceEntry.Kinds.SkipLast(1)) + " or " + SourceEntry.Kinds[^1];

    /// <summary>A misspelt key under <c>schema:</c> is an error naming the closest one, not a silent "no source".</summary>
    private static void CheckSchemaKeys(YamlMappingNode schema, string file, string where)
    {
        var known = SourceEntry.Kinds.Prepend("subgraph_url").Prepend("file").ToArray();
        foreach (var key in schema.Children.Keys)
        {
            var name = KeyName(key, "a schema key", file);
            if (!known.Contains(name, StringComparer.Ordinal))
            {
                throw new SupergraphConfigException(
                    $"{file}:{key.Start.Line}:{key.Start.Column}: {where}: unknown schema key \"{name}\"{FederatedGateway.Core.Text.Suggestions.DidYouMean(name, known)} (known: {string.Join(", ", known)}).");
            }
        }
    }

    private static void RequireAbsoluteUrl(string? url, string key, string where, bool allowAnyScheme)
    {
        if (url is null)
        {
            return;
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (!allowAnyScheme && uri.Scheme is not ("http" or "https")))
        {
            throw new SupergraphConfigException($"{where}: \"{key}\" must be an absolute {(allowAnyScheme ? "" : "http(s) ")}URL, not \"{url}\".");
        }
    }

    private static string KeyName(YamlNode key, string what, string file) =>
        key is YamlScalarNode { Value: { } name }
            ? name
            : throw new SupergraphConfigException($"{file}:{key.Start.Line}: {what} must be a plain name, not a list or mapping.");

    private static YamlNode? Child(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private static string? Scalar(YamlMappingNode node, string key, string file)
    {
        var child = Child(node, key);
        return child switch
        {
            null => null,
            YamlScalarNode scalar => scalar.Value,
            _ => throw new SupergraphConfigException($"{file}:{child.Start.Line}: \"{key}\" must be a single value."),
        };
    }

    [GeneratedRegex(@"^=?\d+(\.\d+){0,2}(-[0-9A-Za-z.]+)?$")]
    private static partial Regex FederationVersionPattern();
}
