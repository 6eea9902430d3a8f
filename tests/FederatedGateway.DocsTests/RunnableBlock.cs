using System.Text.RegularExpressions;

namespace FederatedGateway.DocsTests;

/// <summary>
/// A shell code block of the docs marked to be run by a test: an HTML comment <c>&lt;!-- runnable … --&gt;</c> on the
/// line before its fence. Attributes (each <c>name="value"</c>, <c>\"</c> for a quote, names may repeat):
/// <c>expect</c> (the output, stdout and stderr, contains this), <c>exit</c> (the exit code, 0 unless given),
/// <c>compare="next-json"</c> (the output is the JSON of
/// the next <c>json</c> block), <c>background</c> (keep it running while the file's later blocks run; <c>until</c>
/// is what it prints once ready), <c>port</c> (a loopback port the docs use, replaced by a free one in this block and the
/// file's later blocks), <c>test-args</c> (appended to a background command by the test only; <c>{tmp}</c> is the
/// test's temporary folder). A shell block that is not run says why on the line before its fence instead
/// (<see cref="NotRunnableBlock"/>); <see cref="UnmarkedShellBlocks"/> finds the blocks that do neither.
/// </summary>
internal sealed partial record RunnableBlock(string File, int Line, string Code, IReadOnlyList<KeyValuePair<string, string>> Attributes, string? NextJson)
{
    public const string Marker = "<!-- runnable";

    public IEnumerable<string> All(string name) => Attributes.Where(a => a.Key == name).Select(a => a.Value);

    public string? One(string name) => All(name).LastOrDefault();

    public bool Background => Attributes.Any(a => a.Key == "background");

    public override string ToString() => $"{File}:{Line}";

    /// <summary>The runnable blocks of one markdown file, in order; a marker that is not followed by a shell block throws.</summary>
    public static IReadOnlyList<RunnableBlock> Parse(string file, string markdown)
    {
        var lines = Lines(markdown);
        var blocks = new List<RunnableBlock>();
        foreach (var i in MarkerLines(file, lines, Marker))
        {
            var (code, end) = Fenced(lines, i + 1);
            string? nextJson = null;
            for (var j = end + 1; j < lines.Length && nextJson is null; j++)
            {
                if (lines[j].Trim() == "```json")
                {
                    nextJson = Fenced(lines, j).Code;
                }
            }

            blocks.Add(new RunnableBlock(file, i + 2, code, MarkerAttributes(lines[i]), nextJson));
        }

        return blocks;
    }

    /// <summary>
    /// The lines (1-based) of the shell blocks (<c>```sh</c>, <c>```bash</c>, <c>```shell</c>) of <paramref name="markdown"/>
    /// with neither a runnable nor a not-runnable marker on the line before their fence.
    /// </summary>
    public static IReadOnlyList<int> UnmarkedShellBlocks(string markdown)
    {
        var lines = Lines(markdown);
        var unmarked = new List<int>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (!lines[i].TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                continue;
            }

            var marked = i > 0 && (lines[i - 1].StartsWith(Marker, StringComparison.Ordinal) || lines[i - 1].StartsWith(NotRunnableBlock.Marker, StringComparison.Ordinal));
            if (IsShellFence(lines[i]) && !marked)
            {
                unmarked.Add(i + 1);
            }

            i = Fenced(lines, i).End;
        }

        return unmarked;
    }

    /// <summary>The lines of a markdown text, whatever its line ends.</summary>
    public static string[] Lines(string markdown) => markdown.Replace("\r\n", "\n").Split('\n');

    /// <summary>
    /// The indexes of the lines that begin with <paramref name="marker"/>; a marker that does not stand on the line
    /// before a shell block throws.
    /// </summary>
    public static IEnumerable<int> MarkerLines(string file, string[] lines, string marker)
    {
        for (var i = 0; i < lines.Length; i++)
        {
            if (!lines[i].StartsWith(marker, StringComparison.Ordinal))
            {
                continue;
            }

            if (i + 1 >= lines.Length || !IsShellFence(lines[i + 1]))
            {
                throw new FormatException($"{file}:{i + 1}: a {marker[5..]} marker must stand on the line before a ```sh block");
            }

            yield return i;
        }
    }

    /// <summary>Whether <paramref name="line"/> opens a shell code block.</summary>
    public static bool IsShellFence(string line) => line.Trim() is "```sh" or "```bash" or "```shell";

    /// <summary>The <c>name="value"</c> attributes of a marker line (<c>\"</c> for a quote; a bare name has an empty value).</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> MarkerAttributes(string line) =>
        AttributePattern().Matches(line)
            .Select(m => KeyValuePair.Create(m.Groups["name"].Value, m.Groups["value"].Success ? m.Groups["value"].Value.Replace("\\\"", "\"") : ""))
            .ToList();

    private static (string Code, int End) Fenced(string[] lines, int fence)
    {
        var end = fence + 1;
        while (end < lines.Length && lines[end].Trim() != "```")
        {
            end++;
        }

        return (string.Join('\n', lines[(fence + 1)..end]), end);
    }

    [GeneratedRegex(@"(?<name>[a-z][a-z-]*)(=""(?<value>(?:[^""\\]|\\.)*)"")?")]
    private static partial Regex AttributePattern();
}
