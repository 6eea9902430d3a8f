namespace FederatedGateway.DocsTests;

/// <summary>
/// Every relative link of README.md, schemas/README-demo.md and docs/*.md leads to a file that exists, and every
/// #anchor to a heading.
/// </summary>
public sealed class MarkdownLinkTests
{
    /// <summary>Every page of <see cref="Repo.MarkdownFiles"/>, none skipped.</summary>
    public static TheoryData<string> Files() => [.. Repo.MarkdownFiles()];

    [Theory]
    [MemberData(nameof(Files))]
    public void Relative_links_and_anchors_resolve(string file)
    {
        var broken = new List<string>();
        var folder = Path.GetDirectoryName(Path.Combine(Repo.Root, file))!;
        foreach (var target in MarkdownLinks.RelativeTargets(Repo.Read(file)))
        {
            var hash = target.IndexOf('#');
            var path = hash < 0 ? target : target[..hash];
            var anchor = hash < 0 ? null : target[(hash + 1)..];
            var resolved = path.Length == 0 ? Path.Combine(Repo.Root, file) : Path.GetFullPath(Path.Combine(folder, Uri.UnescapeDataString(path)));
            var relative = Path.GetRelativePath(Repo.Root, resolved).Replace('\\', '/');
            if (relative.StartsWith("../", StringComparison.Ordinal))
            {
                broken.Add($"{target}: outside the repository");
                continue;
            }

            if (!File.Exists(resolved) && !Directory.Exists(resolved))
            {
                broken.Add($"{target}: no file {relative}");
                continue;
            }

            if (anchor is not null && resolved.EndsWith(".md", StringComparison.Ordinal) && !MarkdownLinks.Anchors(File.ReadAllText(resolved)).Contains(anchor))
            {
                broken.Add($"{target}: no heading with anchor #{anchor} in {relative}");
            }
        }

        Assert.True(broken.Count == 0, $"{file} has broken links:\n  " + string.Join("\n  ", broken));
    }

    /// <summary>A newcomer reads the docs without the project's tracker: no "issue 7", "#12" or issues/ links.</summary>
    [Theory]
    [MemberData(nameof(Files))]
    public void Pages_point_to_no_issue_numbers(string file)
    {
        var mentions = IssueMentions.Find(Repo.Read(file));

        Assert.True(mentions.Count == 0, $"{file} points to issue numbers: " + string.Join(", ", mentions));
    }

    [Theory]
    [InlineData("see issue 7 for more", "issue 7")]
    [InlineData("as #12 says", "#12")]
    [InlineData("fixed (#12).", "#12")]
    [InlineData("https://github.com/o/r/issues/23", "/issues/23")]
    public void An_issue_number_is_found(string text, string mention) => Assert.Equal([mention], IssueMentions.Find(text));

    [Theory]
    [InlineData("[start](#quick-start)")]
    [InlineData("[step 1](#1-the-packages) and [step 2](docs/templates.md#2-install-the-templates)")]
    [InlineData("colors #333, #000000 and #1e1e1e")]
    [InlineData("the entity &#123; and a C# 12 feature")]
    public void Anchors_colors_and_entities_are_no_issue_numbers(string text) => Assert.Empty(IssueMentions.Find(text));

    [Theory]
    [InlineData("The `fgw` command line", "the-fgw-command-line")]
    [InlineData("JSON/HTTP routes (REST to gRPC)", "jsonhttp-routes-rest-to-grpc")]
    [InlineData("Retries and circuit breakers", "retries-and-circuit-breakers")]
    public void Slugs_follow_GitHub(string heading, string slug) => Assert.Equal(slug, MarkdownLinks.Slug(heading));

    [Fact]
    public void A_missing_anchor_is_found()
    {
        var anchors = MarkdownLinks.Anchors("# Top\n\n```sh\n# not a heading\n```\n## Top\n");

        Assert.Equal(["top", "top-1"], anchors.Order());
        Assert.Equal(["a.md#x", "b.md"], MarkdownLinks.RelativeTargets("[a](a.md#x) `[c](c.md)` [b](b.md) [w](https://x.org)"));
    }
}
