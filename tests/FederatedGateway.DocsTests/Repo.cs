using System.Reflection;

namespace FederatedGateway.DocsTests;

/// <summary>Where the repository and its documentation are, found from this source file's location.</summary>
internal static class Repo
{
    public static string Root { get; } = RootOf();

    /// <summary>The build configuration of this test assembly (Release under tools/run-tests.sh).</summary>
    public static string Configuration { get; } =
        typeof(Repo).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    /// <summary>README.md, schemas/README-demo.md (the demo's page the README links to) and every page under docs/, as
    /// paths relative to the root with '/' separators.</summary>
    public static IReadOnlyList<string> MarkdownFiles() =>
        ["README.md", "schemas/README-demo.md", .. DocsPages()];

    /// <summary>The pages under docs/ (not its subfolders), as <c>docs/name.md</c>, in order.</summary>
    public static IReadOnlyList<string> DocsPages() =>
        [.. Directory.GetFiles(Path.Combine(Root, "docs"), "*.md").Select(f => "docs/" + Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    public static string Read(string relativePath) => File.ReadAllText(Path.Combine(Root, relativePath));

    private static string RootOf([System.Runtime.CompilerServices.CallerFilePath] string path = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", ".."));
}
