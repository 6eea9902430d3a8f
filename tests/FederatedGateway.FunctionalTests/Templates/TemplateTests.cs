using System.Diagnostics;
using System.Reflection;
using System.Text.RegularExpressions;
using FederatedGateway.FunctionalTests.Infrastructure;
using Xunit.Abstractions;

namespace FederatedGateway.FunctionalTests.Templates;

/// <summary>
/// The dotnet new templates of tools/templates, used as docs/templates.md says: the template package packed and
/// installed (into a hive of the test's own), a subgraph made from fgw-subgraph built and run, the libraries packed
/// into a local feed, a gateway made from fgw-gateway over that subgraph built, run and asked a query.
/// </summary>
public sealed partial class TemplateTests(ITestOutputHelper output) : IDisposable
{
    private static readonly string Configuration =
        typeof(TemplateTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    // The libraries docs/templates.md packs into the feed: when the gateway comes to depend on another one, the gateway
    // made here fails to restore until the docs pack that one too.
    private static readonly string[] Libraries =
        PackLoop().Match(File.ReadAllText(Path.Combine(TestPaths.Root(), "docs", "templates.md"))).Groups["libraries"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    // A version of its own, so the packages this test packs never stand in for anyone else's in the NuGet cache.
    private readonly string _version = $"0.0.0-templatetest.{DateTime.UtcNow:yyyyMMddHHmmss}.{Environment.ProcessId}";
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("fgw-templates-");
    private readonly List<Process> _running = [];

    private string In(string name) => Path.Combine(_folder.FullName, name);

    [Fact]
    public async Task The_subgraph_and_gateway_templates_build_run_and_answer_through_each_other()
    {
        var hive = In("hive");
        await RunAsync("dotnet", "pack", Path.Combine(TestPaths.Root(), "tools", "templates"), "-c", "Release", "-o", In("templates"));
        var package = Assert.Single(Directory.GetFiles(In("templates"), "FederatedGateway.Templates.*.nupkg"));
        await RunAsync("dotnet", "new", "install", package, "--debug:custom-hive", hive);

        // The subgraph: built, started on a free port, asked for its federation SDL and for an entity.
        await RunAsync("dotnet", "new", "fgw-subgraph", "-n", "Inventory", "-o", In("Inventory"), "--debug:custom-hive", hive);
        await RunAsync("dotnet", "build", In("Inventory"), "-c", "Release");
        var subgraph = await StartAsync(In("Inventory"), Path.Combine("bin", "Release", "net10.0", "Inventory.dll")) + "/graphql";
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var sdl = (await GraphQLHttp.PostAsync(http, subgraph, "{ _service { sdl } }")).Data.GetProperty("_service").GetProperty("sdl").GetString();
        Assert.Contains("@link(url: \"https://specs.apollo.dev/federation/v2.3\"", sdl);
        Assert.Contains("type Product @key(fields: \"id\")", sdl);
        var entity = await GraphQLHttp.PostAsync(http, subgraph, """{ _entities(representations: [{__typename: "Product", id: "p2"}]) { ... on Product { name } } }""");
        JsonAssert.Equal("""{"data":{"_entities":[{"name":"Monitor"}]}}""", entity.Body);

        // Without the feed the gateway template says which option is missing.
        var missing = await RunAsync("dotnet", ["new", "fgw-gateway", "-o", In("NoFeed"), "--debug:custom-hive", hive], expectSuccess: false);
        Assert.Contains("'--feed'", missing);

        // The gateway: the libraries packed into a local feed, the template pointed at it and at the running subgraph.
        Assert.Contains("AspNetCore", Libraries);
        foreach (var library in Libraries)
        {
            await RunAsync("dotnet", "pack", Path.Combine(TestPaths.Root(), "src", "FederatedGateway." + library), "-c", Configuration, "--no-build", "-o", In("feed"), $"-p:Version={_version}");
        }

        await RunAsync("dotnet", "new", "fgw-gateway", "-n", "Edge", "-o", In("Edge"), "--feed", In("feed"), "--gateway-version", _version, "--subgraph-url", subgraph, "--debug:custom-hive", hive);
        await RunAsync("dotnet", "build", In("Edge"), "-c", "Release");
        var gateway = await StartAsync(In("Edge"), Path.Combine("bin", "Release", "net10.0", "Edge.dll")) + "/graphql";
        var answer = await GraphQLHttp.PostAsync(http, gateway, "{ products { id name price } }");
        JsonAssert.Equal("""{"data":{"products":[{"id":"p1","name":"Keyboard","price":49.9},{"id":"p2","name":"Monitor","price":229}]}}""", answer.Body);
    }

    /// <summary>Runs the app in its project folder on a free loopback port; its URL once Kestrel says it listens.</summary>
    private async Task<string> StartAsync(string projectFolder, string dll)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = projectFolder, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add("http://127.0.0.1:0");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_JitObjectStackAllocation"] = "0";
        var process = Process.Start(start)!;
        _running.Add(process);
        var listening = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                output.WriteLine($"[{Path.GetFileName(projectFolder)}] {line}");
                if (Listening().Match(line) is { Success: true } match)
                {
                    listening.TrySetResult(match.Groups[1].Value);
                }
            }
        };
        process.ErrorDataReceived += (_, e) => output.WriteLine($"[{Path.GetFileName(projectFolder)} stderr] {e.Data}");
        process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException($"{dll} exited with {process.ExitCode}"));
        process.EnableRaisingEvents = true;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return await listening.Task.WaitAsync(TimeSpan.FromSeconds(60));
    }

    private Task<string> RunAsync(string program, params string[] arguments) => RunAsync(program, arguments, expectSuccess: true);

    private async Task<string> RunAsync(string program, string[] arguments, bool expectSuccess)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = _folder.FullName };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(180));
        var text = await stdout + await stderr;
        output.WriteLine($"$ {program} {string.Join(' ', arguments)}  ({clock.Elapsed.TotalSeconds:0.0} s, exit {process.ExitCode})\n{text}");
        Assert.True(process.ExitCode == 0 == expectSuccess, $"{program} {string.Join(' ', arguments)} exited with {process.ExitCode}: {text}");
        return text;
    }

    public void Dispose()
    {
        foreach (var process in _running)
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(5000);
            }

            process.Dispose();
        }

        _folder.Delete(recursive: true);

        // The packages restored from the test's feed, out of the NuGet cache again.
        var cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } set ? set
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        foreach (var library in Libraries)
        {
            var id = Path.Combine(cache, "federatedgateway." + library.ToLowerInvariant());
            var version = Path.Combine(id, _version);
            if (Directory.Exists(version))
            {
                Directory.Delete(version, recursive: true);
            }

            if (Directory.Exists(id) && !Directory.EnumerateFileSystemEntries(id).Any())
            {
                Directory.Delete(id);
            }
        }
    }

    [GeneratedRegex(@"for library in (?<libraries>[\w ]+); do")]
    private static partial Regex PackLoop();

    [GeneratedRegex(@"Now listening on: (http://[^\s]+)")]
    private static partial Regex Listening();
}
