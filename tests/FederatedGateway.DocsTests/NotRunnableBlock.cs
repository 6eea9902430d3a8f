namespace FederatedGateway.DocsTests;

/// <summary>
/// A shell code block of the docs that no test runs as written, marked so on the line before its fence:
/// <c>&lt;!-- not-runnable checked-by="TemplateTests" --&gt;</c> names the test class (under tests/) that does what the
/// block does, <c>&lt;!-- not-runnable reason="needs docker" --&gt;</c> says why nothing does; both may be given.
/// </summary>
internal sealed record NotRunnableBlock(string File, int Line, string? CheckedBy, string? Reason)
{
    public const string Marker = "<!-- not-runnable";

    public override string ToString() => $"{File}:{Line}";

    /// <summary>The not-runnable blocks of one markdown file; a marker before no shell block, or with neither attribute, throws.</summary>
    public static IReadOnlyList<NotRunnableBlock> Parse(string file, string markdown)
    {
        var lines = RunnableBlock.Lines(markdown);
        var blocks = new List<NotRunnableBlock>();
        foreach (var i in RunnableBlock.MarkerLines(file, lines, Marker))
        {
            var attributes = RunnableBlock.MarkerAttributes(lines[i]);
            var checkedBy = Value(attributes, "checked-by");
            var reason = Value(attributes, "reason");
            if (checkedBy is null && reason is null)
            {
                throw new FormatException($"{file}:{i + 1}: a not-runnable marker needs checked-by=\"<test class>\" or reason=\"…\"");
            }

            blocks.Add(new NotRunnableBlock(file, i + 2, checkedBy, reason));
        }

        return blocks;
    }

    private static string? Value(IReadOnlyList<KeyValuePair<string, string>> attributes, string name) =>
        attributes.LastOrDefault(a => a.Key == name).Value is { Length: > 0 } value ? value : null;
}
