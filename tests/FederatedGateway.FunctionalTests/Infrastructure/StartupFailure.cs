using System.Text.RegularExpressions;
using FederatedGateway.Testing.Processes;
using Xunit.Abstractions;

namespace FederatedGateway.FunctionalTests.Infrastructure;

/// <summary>
/// One of our executables refusing to start the way an operator should see it: exit code 1, an <c>error:</c> message
/// first on stderr, and no stack trace, "Hosting failed to start" log or unhandled exception on stdout or stderr.
/// </summary>
public static partial class StartupFailure
{
    private static readonly TimeSpan ExitLimit = TimeSpan.FromSeconds(60);

    /// <summary>Waits for <paramref name="process"/> to end and asserts it failed so, with <paramref name="expected"/> in its stderr.</summary>
    public static async Task AssertReportedAsync(ServerProcess process, string expected, ITestOutputHelper output)
    {
        try
        {
            Assert.True(await process.WaitForExitAsync(ExitLimit), "the process kept running");
            Assert.Equal(1, process.ExitCode);
            Assert.StartsWith("error: ", process.StandardError);
            Assert.Contains(expected, process.StandardError);
            var everything = process.StandardOutput + "\n" + process.StandardError;
            Assert.DoesNotMatch(StackFrame(), everything);
            Assert.DoesNotContain("Hosting failed to start", everything);
            Assert.DoesNotContain("Unhandled exception", everything);
        }
        finally
        {
            output.WriteLine($"--- stdout ---\n{process.StandardOutput}\n--- stderr ---\n{process.StandardError}");
        }
    }

    /// <summary>The lines of <paramref name="process"/>'s stderr, empty ones left out.</summary>
    public static string[] ErrorLines(ServerProcess process) => process.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    [GeneratedRegex(@"^\s+at \S", RegexOptions.Multiline)]
    private static partial Regex StackFrame();
}
