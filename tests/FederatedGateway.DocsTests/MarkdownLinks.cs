using System.Text;
using System.Text.RegularExpressions;

namespace FederatedGateway.DocsTests;

/// <summary>Relative links and heading anchors of a markdown file, the way GitHub renders them.</summary>
internal static partial class MarkdownLinks
{
    /// <summary>The relative link targets of <paramref name="markdown"/> (outside code blocks), as written.</summary>
    public static IEnumerable<string> RelativeTargets(string markdown)
    {
        foreach (var line in OutsideCodeBlocks(markdown))
        {
            foreach (Match link in LinkPattern().Matches(CodeSpanPattern().Replace(line, "")))
            {
                var target = link.Groups["target"].Value;
                if (!SchemePattern().IsMatch(target))
                {
                    yield return target;
                }
            }
        }
    }

    /// <summary>The anchors of the headings of <paramref name="markdown"/> (repeated headings get -1, -2, … as on GitHub).</summary>
    public static IReadOnlySet<string> Anchors(string markdown)
    {
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in OutsideCodeBlocks(markdown))
        {
            var heading = HeadingPattern().Match(line);
            if (!heading.Success)
            {
                continue;
            }

            var slug = Slug(heading.Groups["text"].Value);
            var count = seen.GetValueOrDefault(slug);
            seen[slug] = count + 1;
            anchors.Add(count == 0 ? slug : $"{slug}-{count}");
        }

        return anchors;
    }

    /// <summary>GitHub's heading slug: lower case, punctuation dropped (letters, digits, '_' and '-' kept), spaces as '-'.</summary>
    public static string Slug(string heading)
    {
        var slug = new StringBuilder();
        foreach (var c in heading.Trim().ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c) || c is '_' or '-')
            {
                slug.Append(c);
            }
            else if (c == ' ')
            {
                slug.Append('-');
            }
        }

        return slug.ToString();
    }

    private static IEnumerable<string> OutsideCodeBlocks(string markdown)
    {
        var inFence = false;
        foreach (var line in markdown.Split('\n'))
        {
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                inFence = !inFence;
            }
            else if (!inFence)
            {
                yield return line;
            }
        }
    }

    [GeneratedRegex(@"\]\((?<target>[^)\s]+)\)")]
    private static partial Regex LinkPattern();

    [GeneratedRegex(@"^[a-zA-Z][a-zA-Z+.-]*:")]
    private static partial Regex SchemePattern();

    [GeneratedRegex(@"^#{1,6} (?<text>.+)$")]
    private static partial Regex HeadingPattern();

    [GeneratedRegex(@"`[^`]*`")]
    private static partial Regex CodeSpanPattern();
}
