using System.Diagnostics;
using System.Text;

namespace FederatedGateway.DocsTests;

/// <summary>A <c>bash</c> script run as a child process, its stdout and stderr collected together.</summary>
internal sealed class ShellProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource _outputClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _openStreams = 2;

    public ShellProcess(string script, string workingDirectory, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("bash")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        start.ArgumentList.Add("-eo");
        start.ArgumentList.Add("pipefail");
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) => Collect(e.Data);
        _process.ErrorDataReceived += (_, e) => Collect(e.Data);
        _process.Start();
        _process.StandardInput.Close();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>Waits for the script to end and for all of its output; false when <paramref name="timeout"/> passed first.</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        try
        {
            await _process.WaitForExitAsync().WaitAsync(timeout);
            await _outputClosed.Task.WaitAsync(TimeSpan.FromSeconds(10));
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    /// <summary>Waits until the output contains <paramref name="text"/>; false when the script ended or the time passed first.</summary>
    public async Task<bool> WaitForOutputAsync(string text, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (Output.Contains(text, StringComparison.Ordinal))
            {
                return true;
            }

            if (_process.HasExited)
            {
                await _outputClosed.Task.WaitAsync(TimeSpan.FromSeconds(10));
                return Output.Contains(text, StringComparison.Ordinal);
            }

            await Task.Delay(100);
        }

        return false;
    }

    /// <summary>Ends the script and every process it started.</summary>
    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // it ended on its own meanwhile
        }

        _process.Dispose();
    }

    private void Collect(string? line)
    {
        if (line is null)
        {
            if (Interlocked.Decrement(ref _openStreams) == 0)
            {
                _outputClosed.TrySetResult();
            }

            return;
        }

        lock (_output)
        {
            _output.Append(line).Append('\n');
        }
    }
}
