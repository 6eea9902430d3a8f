using System.Text.Json;
using System.Text.RegularExpressions;

namespace FederatedGateway.FunctionalTests.Deployment;

/// <summary>One Dockerfile instruction: its keyword (upper case), its flags (<c>--from=build</c>) and the rest.</summary>
public sealed record DockerInstruction(string Keyword, IReadOnlyList<string> Flags, string Arguments)
{
    /// <summary>The arguments of the exec form (<c>["dotnet", "x.dll"]</c>), or the words of the shell form.</summary>
    public IReadOnlyList<string> Words =>
        Arguments.StartsWith('[') ? JsonSerializer.Deserialize<string[]>(Arguments)!
        : Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    public string? Flag(string name) =>
        Flags.FirstOrDefault(f => f.StartsWith("--" + name + "=", StringComparison.Ordinal))?[(name.Length + 3)..];
}

/// <summary>A build stage: the image it starts from, its name, its instructions.</summary>
public sealed record DockerStage(string Image, string? Name, IReadOnlyList<DockerInstruction> Instructions)
{
    public IEnumerable<DockerInstruction> All(string keyword) => Instructions.Where(i => i.Keyword == keyword);

    /// <summary>The stage's ENV settings (<c>KEY=value</c> pairs, later wins).</summary>
    public Dictionary<string, string> Environment()
    {
        var values = new Dictionary<string, string>();
        foreach (var env in All("ENV"))
        {
            foreach (Match pair in Dockerfile.EnvPair().Matches(env.Arguments))
            {
                values[pair.Groups[1].Value] = pair.Groups[2].Value;
            }
        }

        return values;
    }
}

/// <summary>
/// Enough of the Dockerfile grammar to check ours: comments, line continuations, flags, stages. Not a general parser
/// (no heredocs, no escape directive).
/// </summary>
public static partial class Dockerfile
{
    public static IReadOnlyList<DockerStage> Parse(string text)
    {
        var stages = new List<DockerStage>();
        List<DockerInstruction>? current = null;
        foreach (var line in LogicalLines(text))
        {
            var parts = line.Split(' ', 2, StringSplitOptions.TrimEntries);
            var keyword = parts[0].ToUpperInvariant();
            var rest = parts.Length > 1 ? parts[1] : "";
            var flags = new List<string>();
            while (rest.StartsWith("--", StringComparison.Ordinal) && keyword is not ("ENV" or "LABEL"))
            {
                var split = rest.Split(' ', 2, StringSplitOptions.TrimEntries);
                flags.Add(split[0]);
                rest = split.Length > 1 ? split[1] : "";
            }

            var instruction = new DockerInstruction(keyword, flags, rest);
            if (keyword == "FROM")
            {
                var words = rest.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                current = [instruction];
                stages.Add(new DockerStage(words[0], words.Length == 3 && words[1].Equals("AS", StringComparison.OrdinalIgnoreCase) ? words[2] : null, current));
            }
            else
            {
                Assert.True(current is not null, $"'{line}' comes before the first FROM");
                current.Add(instruction);
            }
        }

        return stages;
    }

    /// <summary>Instructions with their continuation lines joined, comments and blank lines dropped.</summary>
    private static IEnumerable<string> LogicalLines(string text)
    {
        var pending = "";
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r').Trim();
            if (line.StartsWith('#') || (line.Length == 0 && pending.Length == 0))
            {
                continue;
            }

            if (line.EndsWith('\\'))
            {
                pending += line[..^1].Trim() + " ";
                continue;
            }

            var whole = (pending + line).Trim();
            pending = "";
            if (whole.Length > 0)
            {
                yield return whole;
            }
        }

        Assert.True(pending.Length == 0, "the Dockerfile ends inside a continued line");
    }

    [GeneratedRegex(@"([A-Za-z_][A-Za-z0-9_]*)=(""[^""]*""|\S*)")]
    internal static partial Regex EnvPair();
}
