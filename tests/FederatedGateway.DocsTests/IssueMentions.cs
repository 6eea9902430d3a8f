using System.Text.RegularExpressions;

namespace FederatedGateway.DocsTests;

/// <summary>
/// Mentions of the project's issue numbers in a page: "issue 7", "issues #7", a bare "#12" and ".../issues/12" links.
/// A link's #anchor (<c>](#1-the-packages)</c>, <c>page.md#2-…</c>), an HTML entity (<c>&amp;#123;</c>) and a color of
/// digits only (3 or 6 of them: <c>#333</c>, <c>#000000</c>) are not mentions.
/// </summary>
internal static partial class IssueMentions
{
    public static IReadOnlyList<string> Find(string text) => [.. Pattern().Matches(text).Select(m => m.Value)];

    [GeneratedRegex(@"\bissues? #?\d+|/issues/\d+|(?<![\w&#/]|\]\()#(?!(?:\d{3}|\d{6})(?![\w-]))\d+(?![\w-])", RegexOptions.IgnoreCase)]
    private static partial Regex Pattern();
}
