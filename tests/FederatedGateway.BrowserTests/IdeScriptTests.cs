using System.Diagnostics;
using System.Runtime.CompilerServices;
using Xunit.Abstractions;

namespace FederatedGateway.BrowserTests;

/// <summary>
/// The IDE's own script tests (<c>src/plan/planPanel.test.js</c>: the plan panel's field summaries and why an answer has
/// no plan), run with Node's test runner in the IDE project, whose npm packages the build installed.
/// </summary>
public sealed class IdeScriptTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Plan_panel_script_tests_pass()
    {
        var start = new ProcessStartInfo("npm") { WorkingDirectory = IdeAppDirectory(), RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("test");
        using var npm = Process.Start(start)!;
        var stdout = npm.StandardOutput.ReadToEndAsync();
        var stderr = npm.StandardError.ReadToEndAsync();
        await npm.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        output.WriteLine(await stdout + await stderr);

        Assert.Equal(0, npm.ExitCode);
        Assert.Contains("# pass 6", await stdout);
    }

    private static string IdeAppDirectory([CallerFilePath] string path = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", "..", "src", "FederatedGateway.AspNetCore", "IdeApp"));
}
