using System.Text.RegularExpressions;
using FederatedGateway.Demo;
using FederatedGateway.FunctionalTests.Infrastructure;
using FederatedGateway.Testing.Processes;
using Xunit.Abstractions;

namespace FederatedGateway.FunctionalTests.Deployment;

/// <summary>
/// src/FederatedGateway.Server/Dockerfile, which is not built here (no Docker): its stages, images, user, health check
/// and writable folders are read from the file, and the settings it gives the gateway are tried on a real gateway.
/// </summary>
public sealed partial class DockerfileTests(ITestOutputHelper output)
{
    public static string DockerfilePath => Path.Combine(TestPaths.Root(), "src", "FederatedGateway.Server", "Dockerfile");

    private static readonly Lazy<IReadOnlyList<DockerStage>> Stages = new(() => Dockerfile.Parse(File.ReadAllText(DockerfilePath)));

    public static DockerStage Final => Stages.Value[^1];

    /// <summary>The image tag the build command in the Dockerfile's header gives (<c>-t name:tag</c>).</summary>
    public static string ImageTag => TagOption().Match(File.ReadAllText(DockerfilePath)) is { Success: true } m ? m.Groups[1].Value
        : throw new InvalidOperationException("the Dockerfile's header shows no docker build -t <image>");

    /// <summary>The one port the final stage exposes.</summary>
    public static int ExposedPort => int.Parse(Assert.Single(Final.All("EXPOSE")).Arguments.Split('/')[0]);

    [Fact]
    public void Builds_natively_with_the_sdk_and_runs_on_the_runtime_dependencies_image_both_pinned_to_dotnet_10()
    {
        var stages = Stages.Value;
        Assert.True(stages.Count >= 2, "a multi-stage build");
        var build = Assert.Single(stages, s => s.Image.StartsWith("mcr.microsoft.com/dotnet/sdk:", StringComparison.Ordinal));
        Assert.StartsWith("mcr.microsoft.com/dotnet/sdk:10.0", build.Image);
        Assert.StartsWith("mcr.microsoft.com/dotnet/runtime-deps:10.0", Final.Image);
        foreach (var stage in stages.Where(s => !stages.Any(earlier => earlier.Name == s.Image)))
        {
            var tag = stage.Image.Contains(':') ? stage.Image[(stage.Image.LastIndexOf(':') + 1)..] : "";
            Assert.False(tag is "" or "latest", $"FROM {stage.Image} is not pinned to a tag");
        }

        var publish = Assert.Single(build.All("RUN"), r => r.Arguments.Contains("dotnet publish", StringComparison.Ordinal));
        Assert.Contains("src/FederatedGateway.Server/FederatedGateway.Server.csproj", publish.Arguments);
        Assert.Contains("-c Release", publish.Arguments);
        Assert.Contains("-p:PublishAot=true", publish.Arguments);
        Assert.Contains(build.All("RUN"), r => r.Arguments.Contains("apt-get install", StringComparison.Ordinal) && r.Arguments.Contains("clang", StringComparison.Ordinal));
        var output = Regex.Match(publish.Arguments, @"-o (\S+)").Groups[1].Value;
        Assert.Contains(Final.All("COPY"), c => c.Flag("from") == build.Name && c.Words[0] == output);
    }

    [Fact]
    public void The_final_stage_runs_as_a_non_root_user_with_a_health_check_of_its_own_executable()
    {
        var user = Final.All("USER").Last().Arguments;
        Assert.DoesNotMatch(@"^(root|0)(:|$)", user);
        Assert.Equal("$APP_UID", user);

        var healthCheck = Assert.Single(Final.All("HEALTHCHECK"));
        Assert.StartsWith("CMD [", healthCheck.Arguments);
        var command = (healthCheck with { Arguments = healthCheck.Arguments[4..] }).Words;
        var entrypoint = Final.All("ENTRYPOINT").Single().Words;
        Assert.Equal([.. entrypoint, "--check-health"], command);
        Assert.Equal(["/app/FederatedGateway.Server"], entrypoint); // the native executable, no dotnet host
        Assert.NotNull(healthCheck.Flag("timeout"));
    }

    [Fact]
    public void Copies_only_what_the_repository_has_and_the_build_context_keeps_and_adds_no_urls()
    {
        var all = Stages.Value.SelectMany(s => s.Instructions).ToList();
        Assert.DoesNotContain(all, i => i.Keyword == "ADD" && i.Arguments.Contains("://", StringComparison.Ordinal));
        var kept = File.ReadAllLines(Path.Combine(TestPaths.Root(), ".dockerignore"))
            .Where(l => l.StartsWith('!')).Select(l => l[1..].TrimEnd('/')).ToList();
        Assert.Contains("*", File.ReadAllLines(Path.Combine(TestPaths.Root(), ".dockerignore")));
        foreach (var copy in all.Where(i => i.Keyword == "COPY" && i.Flag("from") is null))
        {
            foreach (var source in copy.Words.SkipLast(1))
            {
                var path = source.TrimEnd('/');
                Assert.True(File.Exists(Path.Combine(TestPaths.Root(), path)) || Directory.Exists(Path.Combine(TestPaths.Root(), path)), $"COPY {source}: not in the repository");
                Assert.True(kept.Any(k => path == k || path.StartsWith(k + "/", StringComparison.Ordinal)), $"COPY {source}: .dockerignore leaves it out of the build context");
            }
        }
    }

    [Fact]
    public void Every_folder_the_gateway_writes_to_is_a_volume_so_the_root_filesystem_can_be_read_only()
    {
        var volumes = Final.All("VOLUME").SelectMany(v => v.Words).ToList();
        Assert.Contains("/data", volumes);
        var paths = Final.Environment().Where(e => e.Key.StartsWith("Gateway__", StringComparison.Ordinal) && e.Value.StartsWith('/')).ToList();
        Assert.Contains(paths, p => p.Key == "Gateway__Registry__CacheFolder");
        Assert.Contains(paths, p => p.Key == "Gateway__Usage__SqlitePath");
        Assert.Contains(paths, p => p.Key == "Gateway__GrpcDescriptorCache");
        foreach (var (key, value) in paths)
        {
            Assert.True(volumes.Any(v => value.StartsWith(v + "/", StringComparison.Ordinal)), $"{key}={value} is outside every VOLUME");
        }
    }

    [Fact]
    public async Task The_images_settings_make_the_gateway_listen_where_the_health_check_asks()
    {
        // The image's environment (URLS, the emptied ASPNETCORE_HTTP_PORTS…) on a loopback port of our
        // own: the gateway binds 127.0.0.1 here, the check reads the image's wildcard address.
        var environment = Final.Environment();
        var urls = environment["URLS"];
        Assert.Equal($"http://+:{ExposedPort}", urls);
        var port = LoopbackPorts.Closed();
        var gatewayEnvironment = new Dictionary<string, string>(environment) { ["URLS"] = $"http://127.0.0.1:{port}", ["ASPNETCORE_HTTP_PORTS"] = "" };
        using var gateway = ServerProcess.Start(["--supergraph", DemoGateway.SupergraphPath], gatewayEnvironment);
        try
        {
            Assert.Equal($"http://127.0.0.1:{port}", await gateway.ListeningUrl.WaitAsync(TimeSpan.FromSeconds(20)));
            var checkEnvironment = new Dictionary<string, string>(environment) { ["URLS"] = urls.Replace($":{ExposedPort}", $":{port}", StringComparison.Ordinal) };
            var exitCode = -1;
            for (var attempt = 0; attempt < 50 && exitCode != 0; attempt++)
            {
                using var check = ServerProcess.Start(["--check-health"], checkEnvironment);
                Assert.True(await check.WaitForExitAsync(TimeSpan.FromSeconds(20)));
                exitCode = check.ExitCode;
                output.WriteLine(check.StandardOutput + check.StandardError);
                if (exitCode != 0)
                {
                    await Task.Delay(200);
                }
            }

            Assert.Equal(0, exitCode);
        }
        finally
        {
            output.WriteLine(gateway.StandardOutput + "\n" + gateway.StandardError);
        }
    }

    [GeneratedRegex(@"docker build [^\n]*-t (\S+)")]
    private static partial Regex TagOption();
}
