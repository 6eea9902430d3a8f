using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace FederatedGateway.AspNetCore;

/// <summary>
/// Runs the gateway executable with the JIT's object stack allocation off. Under sustained load (the load benchmark,
/// 50 connections) gateway processes on .NET 10.0.12 died of memory corruption: access violations in
/// <c>GatewayResult.Dispose</c> and <c>ResponseWriter</c>, a Kestrel flush completed twice, a general protection fault
/// in libcoreclr. Soaks at the defaults died after about 200-220 s (three runs) and 44 s (one), one with subgraph
/// connections recycled every 5 s after 26 s; with <c>DOTNET_JitObjectStackAllocation=0</c> a soak at the defaults ran
/// its 420 s and one with 5-s recycling its 180 s without one (the .NET 10 escape analysis has known bugs where a
/// stack-allocated object escapes; two soaks of older builds also ran 420 s clean, so the rate varies). The JIT reads that setting from the
/// environment only, before <c>Main</c> runs (runtimeconfig.json properties are ignored, checked), so when it is not
/// set at all the executable starts itself again with it set, relays SIGTERM, SIGINT and SIGQUIT, and exits with the
/// child's exit code. Setting the variable (to any value) keeps the process as it is, and so does a native build (no JIT). Crashes of the same kind (GC heap
/// corruption) still happen with it off, more rarely (docs/operations.md, "The runtime settings the executables run with").
/// </summary>
public static class JitSafeRelaunch
{
    /// <summary>The JIT setting.</summary>
    public const string Variable = "DOTNET_JitObjectStackAllocation";

    /// <summary>
    /// When <see cref="Variable"/> is not set, runs this executable again with it set to 0 and returns the child's
    /// exit code; null when this process is the one to run the gateway.
    /// </summary>
    public static int? RunChildIfNeeded(string[] args)
    {
        // A native (ahead-of-time compiled) build has no JIT: it runs as the one process.
        if (!RuntimeFeature.IsDynamicCodeCompiled
            || Environment.GetEnvironmentVariable(Variable) is not null
            || Environment.ProcessPath is not { } host)
        {
            return null;
        }

        // The child runs where this process runs: relative paths in the arguments keep their meaning.
        var start = new ProcessStartInfo(host) { UseShellExecute = false, WorkingDirectory = Environment.CurrentDirectory };
        if (Path.GetFileNameWithoutExtension(host).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            // Run as "dotnet FederatedGateway.Server.dll …": the child gets the same dll.
            start.ArgumentList.Add(Environment.GetCommandLineArgs()[0]);
        }

        foreach (var argument in args)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment[Variable] = "0";
        using var child = Process.Start(start) ?? throw new InvalidOperationException("the gateway could not start its own process");
        using var terminate = Relay(PosixSignal.SIGTERM, child);
        using var interrupt = Relay(PosixSignal.SIGINT, child);
        using var quit = Relay(PosixSignal.SIGQUIT, child);
        child.WaitForExit();
        return child.ExitCode;
    }

    private static PosixSignalRegistration Relay(PosixSignal signal, Process child) =>
        PosixSignalRegistration.Create(signal, context =>
        {
            // The child decides how to stop (gracefully for SIGTERM); this process waits for it.
            context.Cancel = true;
            if (!child.HasExited)
            {
                _ = kill(child.Id, context.Signal switch
                {
                    PosixSignal.SIGTERM => 15,
                    PosixSignal.SIGINT => 2,
                    _ => 3,
                });
            }
        });

    [DllImport("libc", SetLastError = true)]
#pragma warning disable SA1300, IDE1006 // the C name
    private static extern int kill(int pid, int sig);
#pragma warning restore SA1300, IDE1006
}
