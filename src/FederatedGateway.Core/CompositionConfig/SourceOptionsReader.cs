using FederatedGateway.Core.Text;
using YamlDotNet.RepresentationModel;

namespace FederatedGateway.Core.CompositionConfig;

/// <summary>
/// Reads the nested options of a source entry (<c>grpc:</c>, <c>openapi:</c>, <c>soap:</c>) with every key checked:
/// an unknown key or a value of the wrong kind is an error naming the file, line and column (and the closest known key).
/// </summary>
public class SourceOptionsReader
{
    private readonly string _file;
    private readonly string _where;

    /// <param name="where">The entry's description for messages (<c>subgraph "x": grpc</c>).</param>
    public SourceOptionsReader(string file, string where)
    {
        _file = file;
        _where = where;
    }

    /// <summary>The names and options under <paramref name="key"/> of the entry (none when it is absent).</summary>
    public IEnumerable<(string Name, YamlNode Node)> Elements(YamlMappingNode entry, string key) =>
        Child(entry, key) is { } node ? Entries(node, key) : [];

    /// <summary>The names and options of a mapping of names (<paramref name="key"/> names it in messages).</summary>
    public IEnumerable<(string Name, YamlNode Node)> Entries(YamlNode node, string key)
    {
        if (node is not YamlMappingNode elements)
        {
            throw Error(node, $"\"{key}\" must map names to their options.");
        }

        foreach (var (name, value) in elements.Children)
        {
            yield return (name is YamlScalarNode { Value: { } text } ? text : throw Error(name, $"a name under \"{key}\" must be a plain name."), value);
        }
    }

    public YamlMappingNode Mapping(YamlNode node, string[] allowed, string what)
    {
        if (node is not YamlMappingNode map)
        {
            throw Error(node, $"{what} must be a mapping of options ({string.Join(", ", allowed)}).");
        }

        foreach (var key in map.Children.Keys)
        {
            var name = (key as YamlScalarNode)?.Value ?? "";
            if (!allowed.Contains(name, StringComparer.Ordinal))
            {
                throw Error(key, $"{what}: unknown option \"{name}\"{Suggestions.DidYouMean(name, allowed)} (known: {string.Join(", ", allowed)}).");
            }
        }

        return map;
    }

    public string? Text(YamlMappingNode map, string key) =>
        Child(map, key) switch
        {
            null => null,
            YamlScalarNode { Value: { } value } => value,
            var other => throw Error(other, $"\"{key}\" must be a single value."),
        };

    public bool Flag(YamlMappingNode map, string key) =>
        Text(map, key) switch
        {
            null or "false" => false,
            "true" => true,
            var other => throw Error(Child(map, key)!, $"\"{key}\" must be true or false, not \"{other}\"."),
        };

    public T? Choice<T>(YamlMappingNode map, string key, Dictionary<string, T> choices)
        where T : struct =>
        Text(map, key) switch
        {
            null => null,
            var text when choices.TryGetValue(text.ToLowerInvariant(), out var value) => value,
            var other => throw Error(Child(map, key)!, $"\"{key}\" must be one of {string.Join(", ", choices.Keys)}, not \"{other}\"{Suggestions.DidYouMean(other, choices.Keys)}."),
        };

    /// <summary>
    /// Checks the keys of a whole entry: each must be one of <paramref name="single"/> (a single value) or
    /// <paramref name="nested"/> (a mapping of names to options).
    /// </summary>
    public void CheckEntry(YamlMappingNode entry, string[] single, string[] nested)
    {
        var known = single.Concat(nested).ToArray();
        foreach (var (key, value) in entry.Children)
        {
            var name = (key as YamlScalarNode)?.Value ?? "";
            if (!known.Contains(name, StringComparer.Ordinal))
            {
                throw Error(key, $"unknown option \"{name}\"{Suggestions.DidYouMean(name, known)} (known: {string.Join(", ", known)}).");
            }

            var isNested = nested.Contains(name, StringComparer.Ordinal);
            if (isNested != value is YamlMappingNode)
            {
                throw Error(value, $"\"{name}\" must be {(isNested ? "a mapping of names to options" : "a single value")}.");
            }
        }
    }

    public string Place(YamlNode node) => $"{_file}:{node.Start.Line}:{node.Start.Column}";

    public SupergraphConfigException Error(YamlNode node, string message) => new($"{Place(node)}: {_where}: {message}");

    public static YamlNode? Child(YamlMappingNode map, string key) => map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;
}
