using System.Diagnostics;
using Xunit.Abstractions;

namespace FederatedGateway.DocsTests;

/// <summary>
/// The README's quick start as a newcomer follows it: a fresh clone of the committed HEAD in a temporary folder, the demo
/// command run there (it builds the demo and the IDE on its own, printing its progress), the IDE URL awaited, the first
/// query answered as the README shows. Ports are free loopback ones; the clone and every process are removed after.
/// </summary>
public sealed class FreshCloneQuickStartTests(ITestOutputHelper output)
{
    private static readonly TimeSpan BuildAndStart = TimeSpan.FromMinutes(10);

    [Fact]
    public async Task The_quick_start_works_from_a_fresh_clone()
    {
        var started = Stopwatch.StartNew();
        var blocks = RunnableBlock.Parse("README.md", Repo.Read("README.md"));
        var demo = blocks.First(b => b.Background);
        var firstQuery = blocks.First(b => b.One("compare") == "next-json");
        using var session = new DocsSession(CloneHead);

        var printed = await session.RunAsync(demo, BuildAndStart);
        output.WriteLine($"demo built and started in {started.Elapsed.TotalSeconds:F0} s");
        await session.RunAsync(firstQuery);
        output.WriteLine($"first query answered as the README shows after {started.Elapsed.TotalSeconds:F0} s");

        // The build shows what it is doing before the demo's own lines (the README promises these progress lines).
        var ready = printed.IndexOf("IDE (open in a browser)", StringComparison.Ordinal);
        foreach (var progress in new[] { "IDE: npm ci", "IDE: bundling", "FederatedGateway.AspNetCore -> " })
        {
            var at = printed.IndexOf(progress, StringComparison.Ordinal);
            Assert.True(at >= 0 && at < ready, $"the first demo start printed no \"{progress}\" before it was ready:\n{printed}");
        }
    }

    /// <summary>Clones the committed HEAD of this repository into <paramref name="folder"/> (a local clone, no network).</summary>
    private static string CloneHead(string folder)
    {
        var clone = Path.Combine(folder, "clone");
        var start = new ProcessStartInfo("git") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "clone", "--quiet", "--no-local", Repo.Root, clone })
        {
            start.ArgumentList.Add(argument);
        }

        using var git = Process.Start(start)!;
        var errors = git.StandardError.ReadToEndAsync();
        if (!git.WaitForExit(120_000))
        {
            git.Kill(entireProcessTree: true);
            throw new TimeoutException("git clone took over 2 minutes");
        }

        Assert.True(git.ExitCode == 0, $"git clone exited with {git.ExitCode}: {errors.Result}");
        return clone;
    }
}
