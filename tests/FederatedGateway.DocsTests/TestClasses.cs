using System.Text.RegularExpressions;

namespace FederatedGateway.DocsTests;

/// <summary>The classes declared in the C# files under tests/ (bin/ and obj/ left out), found by name.</summary>
internal static partial class TestClasses
{
    private static readonly Lazy<IReadOnlySet<string>> Names = new(Scan);

    public static bool Exists(string name) => Names.Value.Contains(name);

    private static HashSet<string> Scan()
    {
        var separator = Path.DirectorySeparatorChar;
        return Directory.EnumerateFiles(Path.Combine(Repo.Root, "tests"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{separator}bin{separator}", StringComparison.Ordinal) && !f.Contains($"{separator}obj{separator}", StringComparison.Ordinal))
            .SelectMany(f => ClassDeclaration().Matches(File.ReadAllText(f)).Select(m => m.Groups["name"].Value))
            .ToHashSet(StringComparer.Ordinal);
    }

    [GeneratedRegex(@"\bclass\s+(?<name>[A-Za-z_]\w*)")]
    private static partial Regex ClassDeclaration();
}
