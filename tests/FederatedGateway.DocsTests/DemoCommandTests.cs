using System.Text.RegularExpressions;

namespace FederatedGateway.DocsTests;

/// <summary>
/// Every <c>dotnet run</c> of the demo that the docs and the demo's own header show is the README's: <c>-c Release</c>
/// (the build the other commands use) and <c>-v m</c> (so the first build shows its progress instead of minutes of silence).
/// </summary>
public sealed partial class DemoCommandTests
{
    public static TheoryData<string> Files() => [.. Repo.MarkdownFiles(), "src/FederatedGateway.Demo/Program.cs"];

    [Theory]
    [MemberData(nameof(Files))]
    public void Demo_commands_build_in_release_and_show_progress(string file)
    {
        var inconsistent = DemoCommands(Repo.Read(file))
            .Where(c => !c.Groups["before"].Value.Contains("-c Release", StringComparison.Ordinal) || !c.Groups["after"].Value.StartsWith(" -v m", StringComparison.Ordinal))
            .Select(c => c.Value)
            .ToList();

        Assert.True(inconsistent.Count == 0, $"{file}: demo commands without `-c Release` or `-v m` right after the project: " + string.Join("; ", inconsistent));
    }

    [Fact]
    public void The_readme_and_the_demo_header_show_the_demo_command()
    {
        Assert.NotEmpty(DemoCommands(Repo.Read("README.md")));
        Assert.NotEmpty(DemoCommands(Repo.Read("src/FederatedGateway.Demo/Program.cs")));
    }

    [Fact]
    public void A_command_split_over_lines_is_read_whole()
    {
        var command = Assert.Single(DemoCommands("with them running (`dotnet run -c Release --project\nsrc/FederatedGateway.Demo -- --subgraphs-only` in another"));

        Assert.Equal(" -- --subgraphs-only", command.Groups["after"].Value);
    }

    /// <summary>The demo's <c>dotnet run</c> commands of <paramref name="text"/>, line breaks inside them read as spaces.</summary>
    private static IReadOnlyList<Match> DemoCommands(string text) => DemoCommand().Matches(Regex.Replace(text, @"\s*\n\s*(//\s*)?", " ")).ToList();

    [GeneratedRegex(@"dotnet run(?<before>[^`\n]*?) --project src/FederatedGateway\.Demo\b(?<after>[^`\[\n]*)")]
    private static partial Regex DemoCommand();
}
