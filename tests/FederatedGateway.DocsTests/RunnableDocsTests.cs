using Xunit.Abstractions;

namespace FederatedGateway.DocsTests;

/// <summary>
/// The commands of README.md and docs/*.md marked runnable do what the docs say, against this build: each file's
/// blocks in order (servers they start stopped at the end), outputs checked against the docs' expectations.
/// </summary>
public sealed class RunnableDocsTests(ITestOutputHelper output)
{
    public static TheoryData<string> FilesWithRunnableBlocks() =>
        [.. Repo.MarkdownFiles().Where(f => RunnableBlock.Parse(f, Repo.Read(f)).Count > 0)];

    [Theory]
    [MemberData(nameof(FilesWithRunnableBlocks))]
    public async Task Runnable_blocks_do_what_the_docs_say(string file)
    {
        using var session = new DocsSession();
        foreach (var block in RunnableBlock.Parse(file, Repo.Read(file)))
        {
            var started = System.Diagnostics.Stopwatch.StartNew();
            var printed = await session.RunAsync(block);
            output.WriteLine($"{block} ok in {started.Elapsed.TotalSeconds:F1} s ({printed.Length} characters of output)");
        }
    }

    [Fact]
    public void The_quick_start_and_the_cli_examples_are_runnable()
    {
        var readme = RunnableBlock.Parse("README.md", Repo.Read("README.md"));
        var cli = RunnableBlock.Parse("docs/cli.md", Repo.Read("docs/cli.md"));

        Assert.Contains(readme, b => b.Background && b.Code.Contains("src/FederatedGateway.Demo", StringComparison.Ordinal));
        Assert.Contains(readme, b => b.One("compare") == "next-json" && b.NextJson!.Contains("Ada Lovelace", StringComparison.Ordinal));
        Assert.Contains(cli, b => b.Code.StartsWith("fgw compose", StringComparison.Ordinal));
        Assert.Contains(cli, b => b.Code.Contains("fgw plan", StringComparison.Ordinal));
    }

    [Fact]
    public void Markers_are_read_with_their_attributes_and_a_stray_marker_is_refused()
    {
        var blocks = RunnableBlock.Parse("x.md", "<!-- runnable background port=\"4000\" expect=\"a \\\"b\\\"\" expect=\"c\" -->\n```sh\necho hi\n```\n\n```json\n{\"a\":1}\n```\n");

        var block = Assert.Single(blocks);
        Assert.True(block.Background);
        Assert.Equal(["a \"b\"", "c"], block.All("expect"));
        Assert.Equal("4000", block.One("port"));
        Assert.Equal("echo hi", block.Code);
        Assert.Equal("{\"a\":1}", block.NextJson);
        Assert.Throws<FormatException>(() => RunnableBlock.Parse("x.md", "<!-- runnable -->\n\n```sh\necho hi\n```\n"));
    }

    [Fact]
    public async Task A_block_whose_output_differs_from_the_docs_fails()
    {
        using var session = new DocsSession();
        var block = RunnableBlock.Parse("x.md", "<!-- runnable expect=\"goodbye\" -->\n```sh\necho hello\n```\n")[0];

        var failure = await Assert.ThrowsAsync<DocsBlockException>(() => session.RunAsync(block));

        Assert.Contains("printed no \"goodbye\"", failure.Message);
    }
}
