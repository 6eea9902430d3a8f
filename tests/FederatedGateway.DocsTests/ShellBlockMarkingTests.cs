namespace FederatedGateway.DocsTests;

/// <summary>
/// Every shell block of the checked pages is either run by <see cref="RunnableDocsTests"/> or says why not, and a
/// not-runnable block's <c>checked-by</c> names a test class that exists.
/// </summary>
public sealed class ShellBlockMarkingTests
{
    [Theory]
    [MemberData(nameof(MarkdownLinkTests.Files), MemberType = typeof(MarkdownLinkTests))]
    public void Every_shell_block_is_marked_runnable_or_not_runnable(string file)
    {
        var unmarked = RunnableBlock.UnmarkedShellBlocks(Repo.Read(file));

        Assert.True(unmarked.Count == 0,
            $"{file}: the shell blocks at line(s) {string.Join(", ", unmarked)} have neither <!-- runnable … --> nor "
            + "<!-- not-runnable checked-by=\"<test class>\" --> / <!-- not-runnable reason=\"…\" --> on the line before their fence");
    }

    [Theory]
    [MemberData(nameof(MarkdownLinkTests.Files), MemberType = typeof(MarkdownLinkTests))]
    public void Checked_by_names_a_test_class_that_exists(string file)
    {
        var missing = NotRunnableBlock.Parse(file, Repo.Read(file))
            .Where(b => b.CheckedBy is { } name && !TestClasses.Exists(name))
            .Select(b => $"{b}: {b.CheckedBy}")
            .ToList();

        Assert.True(missing.Count == 0, "checked-by names no class under tests/: " + string.Join("; ", missing));
    }

    [Fact]
    public void An_unmarked_block_is_found_and_a_marker_without_checked_by_or_reason_is_refused()
    {
        const string markdown = "<!-- runnable -->\n```sh\necho a\n```\n\n<!-- not-runnable reason=\"needs docker\" -->\n```bash\ndocker ps\n```\n\n"
            + "```text\n```sh\n```\n\n```shell\necho b\n```\n";

        Assert.Equal([15], RunnableBlock.UnmarkedShellBlocks(markdown));
        var block = Assert.Single(NotRunnableBlock.Parse("x.md", markdown));
        Assert.Equal((7, null, "needs docker"), (block.Line, block.CheckedBy, block.Reason));
        Assert.Throws<FormatException>(() => NotRunnableBlock.Parse("x.md", "<!-- not-runnable -->\n```sh\nx\n```\n"));
        Assert.Throws<FormatException>(() => NotRunnableBlock.Parse("x.md", "<!-- not-runnable reason=\"r\" -->\n\n```sh\nx\n```\n"));
    }

    [Fact]
    public void Test_classes_are_found_by_name_and_a_made_up_one_is_not()
    {
        Assert.True(TestClasses.Exists(nameof(ShellBlockMarkingTests)));
        Assert.True(TestClasses.Exists("TemplateTests"));
        Assert.False(TestClasses.Exists("NoSuchClassAnywhereTests"));
    }
}
