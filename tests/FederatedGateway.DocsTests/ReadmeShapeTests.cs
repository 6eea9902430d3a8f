using System.Text;
using System.Text.RegularExpressions;

namespace FederatedGateway.DocsTests;

/// <summary>
/// The README stays a front page: small, with a quick start and the three steps onto one's own graph near the top, and
/// a documentation table that links every page of docs/ (where the details go instead of growing the README).
/// </summary>
public sealed partial class ReadmeShapeTests
{
    private const int MaxBytes = 15 * 1024;

    private static readonly string Readme = Repo.Read("README.md");

    [Fact]
    public void The_readme_stays_under_15_KB() =>
        Assert.True(Encoding.UTF8.GetByteCount(Readme) < MaxBytes, $"README.md has {Encoding.UTF8.GetByteCount(Readme)} bytes; move details to docs/ (limit {MaxBytes})");

    [Fact]
    public void The_quick_start_comes_first_with_numbered_steps_from_one()
    {
        Assert.Equal("Quick start", Headings().First());
        var steps = Steps(Section("Quick start"));
        Assert.True(steps.Count >= 3, $"the quick start has {steps.Count} numbered steps");
        Assert.Equal(Enumerable.Range(1, steps.Count), steps);
    }

    [Fact]
    public void Running_it_on_your_own_graph_takes_three_numbered_steps() =>
        Assert.Equal([1, 2, 3], Steps(Section("Run it on your own graph")));

    [Fact]
    public void The_documentation_section_links_every_docs_page()
    {
        var linked = MarkdownLinks.RelativeTargets(Section("Documentation")).Select(t => t.Split('#')[0]).ToHashSet(StringComparer.Ordinal);

        var unlinked = Repo.DocsPages().Where(page => !linked.Contains(page)).ToList();

        Assert.True(unlinked.Count == 0, "README.md's documentation section does not link " + string.Join(", ", unlinked));
    }

    private static IEnumerable<string> Headings() => SectionHeading().Matches(Readme).Select(m => m.Groups["title"].Value.Trim());

    /// <summary>The text under <c>## title</c> up to the next <c>## </c> heading; fails when the README has no such section.</summary>
    private static string Section(string title)
    {
        var headings = SectionHeading().Matches(Readme).ToList();
        var index = headings.FindIndex(h => h.Groups["title"].Value.Trim() == title);
        Assert.True(index >= 0, $"README.md has no \"## {title}\" section");
        var start = headings[index].Index + headings[index].Length;
        var end = index + 1 < headings.Count ? headings[index + 1].Index : Readme.Length;
        return Readme[start..end];
    }

    /// <summary>The numbers of the bold numbered steps (<c>**1. …**</c> at the start of a line) of a section, in order.</summary>
    private static List<int> Steps(string section) => [.. StepPattern().Matches(section).Select(m => int.Parse(m.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture))];

    [GeneratedRegex(@"^## (?<title>.+)$", RegexOptions.Multiline)]
    private static partial Regex SectionHeading();

    [GeneratedRegex(@"^\*\*(?<n>\d+)\. ", RegexOptions.Multiline)]
    private static partial Regex StepPattern();
}
