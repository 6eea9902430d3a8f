namespace FederatedGateway.Grpc.Transcoding;

/// <summary>
/// A <c>google.api.http</c> path template: literal segments, variables (<c>{id}</c>, <c>{name=shelves/*}</c>,
/// <c>{path=**}</c>) bound to request fields, <c>*</c> and <c>**</c> wildcards, and an optional <c>:verb</c>.
/// </summary>
public sealed class PathTemplate
{
    private readonly List<Segment> _segments;

    private PathTemplate(string text, List<Segment> segments, string? verb)
    {
        Text = text;
        _segments = segments;
        Verb = verb;
    }

    public string Text { get; }

    public string? Verb { get; }

    /// <summary>The request fields the path binds, as dotted proto paths (<c>book.id</c>).</summary>
    public IEnumerable<string> Variables => _segments.Where(s => s.Variable is not null).Select(s => s.Variable!).Distinct(StringComparer.Ordinal);

    /// <summary>The template with each variable as <c>{field.path}</c> (OpenAPI's form).</summary>
    public string OpenApiPath
    {
        get
        {
            var parts = new List<string>();
            string? open = null;
            foreach (var segment in _segments)
            {
                if (segment.Variable is { } variable)
                {
                    if (open != variable)
                    {
                        parts.Add("{" + variable + "}");
                    }

                    open = variable;
                    continue;
                }

                open = null;
                parts.Add(segment.Literal!);
            }

            return "/" + string.Join('/', parts) + (Verb is null ? "" : ":" + Verb);
        }
    }

    /// <exception cref="FormatException">The template is not one.</exception>
    public static PathTemplate Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.StartsWith('/'))
        {
            throw new FormatException($"the path template \"{text}\" must start with '/'.");
        }

        var body = text[1..];
        string? verb = null;
        var lastSlash = body.LastIndexOf('/');
        var colon = body.IndexOf(':', lastSlash + 1);
        if (colon >= 0 && body.IndexOf('}', colon) < 0)
        {
            verb = body[(colon + 1)..];
            body = body[..colon];
        }

        var segments = new List<Segment>();
        var i = 0;
        while (i < body.Length)
        {
            if (body[i] == '{')
            {
                var close = body.IndexOf('}', i);
                if (close < 0)
                {
                    throw new FormatException($"the path template \"{text}\" has an unclosed '{{'.");
                }

                var inner = body[(i + 1)..close];
                var equals = inner.IndexOf('=');
                var name = (equals < 0 ? inner : inner[..equals]).Trim();
                var pattern = equals < 0 ? "*" : inner[(equals + 1)..];
                if (name.Length == 0)
                {
                    throw new FormatException($"the path template \"{text}\" has a variable without a name.");
                }

                foreach (var part in pattern.Split('/'))
                {
                    segments.Add(new Segment(part is "*" or "**" ? null : part, part == "**", name));
                }

                i = close + 1;
                if (i < body.Length && body[i] == '/')
                {
                    i++;
                }

                continue;
            }

            var end = body.IndexOf('/', i);
            var literal = end < 0 ? body[i..] : body[i..end];
            segments.Add(literal is "*" or "**" ? new Segment(null, literal == "**", null) : new Segment(literal, false, null));
            i = end < 0 ? body.Length : end + 1;
        }

        return new PathTemplate(text, segments, verb);
    }

    /// <summary>Matches a request path; the variables' values (URL-decoded, joined with '/' for multi-segment ones) on success.</summary>
    public Dictionary<string, string>? Match(string path)
    {
        var body = path.StartsWith('/') ? path[1..] : path;
        if (Verb is not null)
        {
            if (!body.EndsWith(":" + Verb, StringComparison.Ordinal))
            {
                return null;
            }

            body = body[..^(Verb.Length + 1)];
        }

        var parts = body.Length == 0 ? [] : body.Split('/');
        var values = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        if (!Match(parts, 0, 0, values))
        {
            return null;
        }

        return values.ToDictionary(v => v.Key, v => string.Join('/', v.Value), StringComparer.Ordinal);
    }

    private bool Match(string[] parts, int part, int segment, Dictionary<string, List<string>> values)
    {
        if (segment == _segments.Count)
        {
            return part == parts.Length;
        }

        var current = _segments[segment];
        if (current.IsDeep)
        {
            // ** takes the rest but what the later segments need (it is last in practice).
            var keep = _segments.Count - segment - 1;
            var take = parts.Length - part - keep;
            if (take < 0)
            {
                return false;
            }

            Bind(current, parts.AsSpan(part, take), values);
            return Match(parts, part + take, segment + 1, values);
        }

        if (part >= parts.Length || parts[part].Length == 0 || (current.Literal is { } literal && literal != Uri.UnescapeDataString(parts[part])))
        {
            return false;
        }

        Bind(current, parts.AsSpan(part, 1), values);
        return Match(parts, part + 1, segment + 1, values);
    }

    private static void Bind(Segment segment, ReadOnlySpan<string> parts, Dictionary<string, List<string>> values)
    {
        if (segment.Variable is not { } variable)
        {
            return;
        }

        if (!values.TryGetValue(variable, out var list))
        {
            values[variable] = list = [];
        }

        foreach (var part in parts)
        {
            list.Add(Uri.UnescapeDataString(part));
        }
    }

    /// <param name="Literal">A fixed segment; null for a wildcard.</param>
    /// <param name="IsDeep">A <c>**</c>: any number of segments.</param>
    /// <param name="Variable">The field the segment is part of, if any.</param>
    private sealed record Segment(string? Literal, bool IsDeep, string? Variable);
}
