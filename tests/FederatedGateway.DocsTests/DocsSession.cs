using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;

namespace FederatedGateway.DocsTests;

/// <summary>
/// Runs the runnable blocks of one markdown file in order, in a temporary folder that links to the repository's
/// <c>schemas</c> and <c>protos</c> (so the docs' relative paths work and what the commands write stays out of the
/// repository). <c>fgw</c> is the built CLI; <c>dotnet run -c Release --project src/…</c> runs the repository's project
/// as built for this test, without building again. Background blocks are stopped when the session ends.
/// </summary>
internal sealed class DocsSession : IDisposable
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);

    private readonly string _folder = Directory.CreateTempSubdirectory("fgw-docs-").FullName;
    private readonly string _workingDirectory;
    private readonly bool _asBuilt;
    private readonly List<ShellProcess> _background = [];
    private readonly Dictionary<string, string> _ports = [];
    private readonly Dictionary<string, string> _environment;

    public DocsSession()
    {
        _workingDirectory = _folder;
        _asBuilt = true;
        foreach (var linked in new[] { "schemas", "protos" })
        {
            Directory.CreateSymbolicLink(Path.Combine(_folder, linked), Path.Combine(Repo.Root, linked));
        }

        _environment = ShellEnvironment(Path.Combine(Repo.Root, "tools", "FederatedGateway.Cli", "bin", Repo.Configuration, "net10.0", "fgw.dll"));
    }

    /// <summary>
    /// A session for a fresh clone: it is cloned into the session's temporary folder, and the blocks run in it as a
    /// newcomer runs them (from the clone's root, <c>dotnet run</c> building what it needs).
    /// </summary>
    public DocsSession(Func<string, string> clone)
    {
        _workingDirectory = clone(_folder);
        _asBuilt = false;
        _environment = ShellEnvironment(Path.Combine(_workingDirectory, "tools", "FederatedGateway.Cli", "bin", "Release", "net10.0", "fgw.dll"));
    }

    private Dictionary<string, string> ShellEnvironment(string fgwDll)
    {
        var bin = Directory.CreateDirectory(Path.Combine(_folder, ".bin")).FullName;
        var fgw = Path.Combine(bin, "fgw");
        File.WriteAllText(fgw, $"#!/bin/sh\nexec dotnet \"{fgwDll}\" \"$@\"\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(fgw, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return new()
        {
            ["PATH"] = bin + ":" + System.Environment.GetEnvironmentVariable("PATH"),
            ["NO_COLOR"] = "1",
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_NOLOGO"] = "1",
            // Builds started by the blocks leave no MSBuild nodes or compiler server running after the test.
            ["MSBUILDDISABLENODEREUSE"] = "1",
            ["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0",
            ["UseSharedCompilation"] = "false",
        };
    }

    /// <summary>Runs one block and returns its output; throws with the block's place and output when it fails.</summary>
    public async Task<string> RunAsync(RunnableBlock block, TimeSpan? startTimeout = null)
    {
        foreach (var port in block.All("port"))
        {
            _ports[port] = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var script = Localize(block.Code);
        if (block.Background)
        {
            script += " " + Localize(block.One("test-args") ?? "").Replace("{tmp}", _folder, StringComparison.Ordinal);
            var server = new ShellProcess(script, _workingDirectory, _environment);
            _background.Add(server);
            var ready = block.One("until") ?? throw new FormatException($"{block}: a background block needs until=\"…\"");
            if (!await server.WaitForOutputAsync(ready, startTimeout ?? StartTimeout))
            {
                throw new DocsBlockException(block, script, $"did not print \"{ready}\" within {startTimeout ?? StartTimeout}", server.Output);
            }

            return server.Output;
        }

        using var command = new ShellProcess(script, _workingDirectory, _environment);
        if (!await command.WaitForExitAsync(CommandTimeout))
        {
            throw new DocsBlockException(block, script, $"did not end within {CommandTimeout}", command.Output);
        }

        var output = command.Output;
        var expectedExit = int.Parse(block.One("exit") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        if (command.ExitCode != expectedExit)
        {
            throw new DocsBlockException(block, script, $"exited with {command.ExitCode} (the docs say {expectedExit})", output);
        }

        foreach (var expected in block.All("expect"))
        {
            if (!output.Contains(Localize(expected), StringComparison.Ordinal))
            {
                throw new DocsBlockException(block, script, $"printed no \"{expected}\"", output);
            }
        }

        if (block.One("compare") == "next-json")
        {
            var documented = JsonNode.Parse(block.NextJson ?? throw new FormatException($"{block}: compare=\"next-json\" but no json block follows"));
            JsonNode? actual;
            try
            {
                actual = JsonNode.Parse(output);
            }
            catch (System.Text.Json.JsonException)
            {
                throw new DocsBlockException(block, script, "printed no JSON", output);
            }

            if (!JsonNode.DeepEquals(documented, actual))
            {
                throw new DocsBlockException(block, script, "printed JSON other than the docs' answer below it", output);
            }
        }

        return output;
    }

    public void Dispose()
    {
        foreach (var server in _background)
        {
            server.Dispose();
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // a server's file still held; the temporary folder is cleaned up by the system
        }
    }

    /// <summary>The docs' fixed loopback ports replaced by the free ones of this session, and the build configuration's.</summary>
    private string Localize(string text)
    {
        foreach (var (documented, free) in _ports)
        {
            text = text.Replace($"127.0.0.1:{documented}", $"127.0.0.1:{free}", StringComparison.Ordinal);
        }

        if (!_asBuilt)
        {
            return text;
        }

        return text
            .Replace("dotnet run -c Release ", $"dotnet run -c {Repo.Configuration} --no-build ", StringComparison.Ordinal)
            .Replace("--project src/", $"--project {Repo.Root}/src/", StringComparison.Ordinal)
            .Replace("--project tools/", $"--project {Repo.Root}/tools/", StringComparison.Ordinal);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>A runnable block of the docs that did not do what the docs say.</summary>
internal sealed class DocsBlockException(RunnableBlock block, string script, string problem, string output)
    : Exception($"{block} {problem}.\n$ {script}\n{output}");
