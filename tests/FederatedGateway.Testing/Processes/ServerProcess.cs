using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;

namespace FederatedGateway.Testing.Processes;

/// <summary>
/// <c>dotnet FederatedGateway.Server.dll ...</c> as a child process (the dll is copied next to the test assembly
/// by an ordinary project reference to the server), with its stdout and stderr collected line by line.
/// </summary>
public sealed partial class ServerProcess : IDisposable
{
    private const int SigTerm = 15;

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _stdout = new();
    private readonly ConcurrentQueue<string> _stderr = new();
    private readonly TaskCompletionSource<string> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ServerProcess(Process process) => _process = process;

    /// <summary>
    /// When set, <see cref="Start"/> runs this executable (a native, ahead-of-time compiled publish of the server)
    /// instead of <c>dotnet FederatedGateway.Server.dll</c>, so the server tests can check a native build.
    /// </summary>
    public const string NativeServerVariable = "FGW_TEST_NATIVE_SERVER";

    /// <summary>True when the tests run against a native executable (<see cref="NativeServerVariable"/>).</summary>
    public static bool RunsNative => Environment.GetEnvironmentVariable(NativeServerVariable) is { Length: > 0 };

    public static string ServerDll => Path.Combine(AppContext.BaseDirectory, "FederatedGateway.Server.dll");

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public string StandardOutput => string.Join('\n', _stdout);

    public string StandardError => string.Join('\n', _stderr);

    /// <summary>The first URL Kestrel reports in "Now listening on: ..." (the server must log at Information).</summary>
    public Task<string> ListeningUrl => _listening.Task;

    /// <param name="workingDirectory">Where the server runs (relative paths in its arguments resolve there); the test's output folder by default.</param>
    public static ServerProcess Start(IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null, string? workingDirectory = null)
    {
        if (Environment.GetEnvironmentVariable(NativeServerVariable) is { Length: > 0 } native)
        {
            return Launch(native, arguments, environment, workingDirectory ?? AppContext.BaseDirectory);
        }

        if (!File.Exists(ServerDll))
        {
            throw new InvalidOperationException($"{ServerDll} is missing: the test project must reference FederatedGateway.Server");
        }

        return Launch("dotnet", [ServerDll, .. arguments], environment, workingDirectory ?? AppContext.BaseDirectory);
    }

    /// <summary>Another of our executables next to the test assembly (e.g. <c>FederatedGateway.Demo.dll</c>), run the same way.</summary>
    public static ServerProcess StartExecutable(string dllName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, dllName);
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"{dll} is missing: the test project must reference its project");
        }

        return Launch("dotnet", [dll, .. arguments], environment, AppContext.BaseDirectory);
    }

    /// <summary>
    /// <c>dotnet run --no-build --project &lt;project&gt; -- arguments</c> in <paramref name="workingDirectory"/>, as a user
    /// runs the server from a clone (the project must be built in the test's configuration).
    /// </summary>
    public static ServerProcess StartWithDotnetRun(string project, IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string>? environment = null)
    {
        var configuration = typeof(ServerProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        return Launch("dotnet", ["run", "--no-build", "-c", configuration, "--project", project, "--", .. arguments], environment, workingDirectory);
    }

    private static ServerProcess Launch(string fileName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment, string workingDirectory)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Independent of the developer's machine: no launch profile, no environment-specific settings.
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment.Remove("ASPNETCORE_URLS");
        start.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        start.Environment["Logging__Console__FormatterName"] = "simple";
        // Set, so the server runs as this process rather than relaunching itself (JitSafeRelaunch): tests measure its
        // memory and CPU by process id. An empty value in environment removes a variable.
        start.Environment["DOTNET_JitObjectStackAllocation"] = "0";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            if (value.Length == 0)
            {
                start.Environment.Remove(key);
            }
            else
            {
                start.Environment[key] = value;
            }
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var server = new ServerProcess(process);
        process.OutputDataReceived += (_, e) => server.OnStdout(e.Data);
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                server._stderr.Enqueue(e.Data);
            }
        };
        process.Exited += (_, _) => server._listening.TrySetException(new InvalidOperationException("the server exited before listening"));
        if (!process.Start())
        {
            throw new InvalidOperationException($"{fileName} did not start");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return server;
    }

    private void OnStdout(string? line)
    {
        if (line is null)
        {
            return;
        }

        _stdout.Enqueue(line);
        var match = ListeningPattern().Match(line);
        if (match.Success)
        {
            _listening.TrySetResult(match.Groups[1].Value);
        }
    }

    /// <summary>Sends SIGTERM, as an orchestrator does on shutdown (Process.Kill would be SIGKILL).</summary>
    public void Terminate()
    {
        if (kill(_process.Id, SigTerm) != 0)
        {
            throw new InvalidOperationException($"kill({_process.Id}, SIGTERM) failed: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    /// <summary>Waits for the exit (and for the output to be read to its end); false after <paramref name="timeout"/>.</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        _process.Dispose();
    }

    [DllImport("libc", SetLastError = true)]
#pragma warning disable SA1300, IDE1006 // the C name
    private static extern int kill(int pid, int sig);
#pragma warning restore SA1300, IDE1006

    [GeneratedRegex(@"Now listening on: (http://[^\s""]+)")]
    private static partial Regex ListeningPattern();
}
