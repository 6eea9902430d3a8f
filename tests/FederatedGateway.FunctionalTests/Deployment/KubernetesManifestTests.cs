using System.Net;
using FederatedGateway.AspNetCore;
using FederatedGateway.Core.CompositionConfig;
using FederatedGateway.FunctionalTests.Infrastructure;
using Microsoft.Extensions.Configuration;
using YamlDotNet.RepresentationModel;

namespace FederatedGateway.FunctionalTests.Deployment;

/// <summary>
/// tools/kubernetes (no cluster here): the manifests parse, the probes ask the gateway's real health endpoints on the
/// port the image exposes, the ConfigMap lands where the arguments look for it, and the registry variant's settings
/// bind to the gateway's options.
/// </summary>
public sealed class KubernetesManifestTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private static string Folder(params string[] parts) => Path.Combine([TestPaths.Root(), "tools", "kubernetes", .. parts]);

    private static YamlMappingNode Deployment => YamlDocument.Load(Folder("base", "deployment.yaml"));

    private static YamlMappingNode Pod => Deployment.Map("spec.template.spec");

    private static YamlMappingNode Gateway => Assert.IsType<YamlMappingNode>(Assert.Single(Pod.List("containers")));

    [Fact]
    public void Every_kustomization_lists_files_that_exist_and_each_parses()
    {
        foreach (var variant in new[] { "base", "supergraph", "registry" })
        {
            var kustomization = YamlDocument.Load(Folder(variant, "kustomization.yaml"));
            var entries = kustomization.Texts("resources").Concat(kustomization.Find("patches") is null ? [] : kustomization.List("patches").Select(p => p.Text("path")));
            foreach (var entry in entries)
            {
                var path = Path.GetFullPath(Folder(variant, entry));
                Assert.True(File.Exists(path) || File.Exists(Path.Combine(path, "kustomization.yaml")), $"{variant}/kustomization.yaml: {entry} is missing");
                if (File.Exists(path))
                {
                    Assert.NotNull(YamlDocument.Load(path).Text("kind"));
                }
            }
        }
    }

    [Fact]
    public void Runs_several_replicas_of_the_image_the_dockerfile_builds_on_the_port_it_exposes()
    {
        Assert.Equal("Deployment", Deployment.Text("kind"));
        Assert.Equal(3, int.Parse(Deployment.Text("spec.replicas")));
        Assert.Equal(DockerfileTests.ImageTag, Gateway.Text("image"));
        var port = Gateway.List("ports").Named("http");
        Assert.Equal(DockerfileTests.ExposedPort, int.Parse(port.Text("containerPort")));

        var labels = Deployment.Map("spec.template.metadata.labels");
        Assert.Equal(Deployment.Map("spec.selector.matchLabels"), labels);
        var service = YamlDocument.Load(Folder("base", "service.yaml"));
        Assert.Equal(labels, service.Map("spec.selector"));
        Assert.Equal("http", Assert.Single(service.List("spec.ports")).Text("targetPort"));
        var budget = YamlDocument.Load(Folder("base", "poddisruptionbudget.yaml"));
        Assert.Equal(labels, budget.Map("spec.selector.matchLabels"));
    }

    [Fact]
    public async Task The_probes_ask_the_gateways_own_health_endpoints()
    {
        var probes = new[] { "readinessProbe", "livenessProbe", "startupProbe" }.ToDictionary(p => p, p => Gateway.Map(p));
        Assert.Equal("/health/ready", probes["readinessProbe"].Text("httpGet.path"));
        Assert.Equal("/health", probes["livenessProbe"].Text("httpGet.path"));
        Assert.All(probes.Values, probe => Assert.Equal("http", probe.Text("httpGet.port")));

        // A real gateway answers each path with 200 once its schema is loaded.
        await using var gateway = await GatewayHost.StartAsync(GatewayHost.AllAt("http://127.0.0.1:9"));
        using var http = new HttpClient();
        foreach (var (name, probe) in probes)
        {
            using var response = await http.GetAsync(gateway.App.Urls.First() + probe.Text("httpGet.path"));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{name} {probe.Text("httpGet.path")}: {response.StatusCode}");
        }
    }

    [Fact]
    public void Runs_as_the_images_non_root_user_on_a_read_only_root_filesystem_with_requests_and_limits()
    {
        Assert.Equal("true", Pod.Text("securityContext.runAsNonRoot"));
        Assert.Equal("1654", Pod.Text("securityContext.runAsUser")); // APP_UID of the .NET images
        Assert.Equal("true", Gateway.Text("securityContext.readOnlyRootFilesystem"));
        Assert.Equal("false", Gateway.Text("securityContext.allowPrivilegeEscalation"));
        Assert.Equal(["ALL"], Gateway.Texts("securityContext.capabilities.drop"));
        foreach (var kind in new[] { "requests", "limits" })
        {
            Assert.NotNull(Gateway.Find($"resources.{kind}.cpu"));
            Assert.NotNull(Gateway.Find($"resources.{kind}.memory"));
        }

        // The image's writable folders (its VOLUMEs, and /tmp) are emptyDir mounts.
        var mounts = Gateway.List("volumeMounts");
        foreach (var folder in DockerfileTests.Final.All("VOLUME").SelectMany(v => v.Words).Append("/tmp"))
        {
            var mount = mounts.Named(folder, "mountPath");
            Assert.NotNull(Pod.List("volumes").Named(mount.Text("name")).Find("emptyDir"));
            Assert.Null(mount.Find("readOnly"));
        }
    }

    [Fact]
    public void The_supergraph_yaml_of_the_config_map_is_mounted_where_the_arguments_name_it()
    {
        var args = Gateway.Texts("args");
        var configPath = args[args.ToList().IndexOf("--config") + 1];
        var mount = Gateway.List("volumeMounts").Named(Path.GetDirectoryName(configPath)!, "mountPath");
        var volume = Pod.List("volumes").Named(mount.Text("name"));
        var configMap = YamlDocument.Load(Folder("supergraph", "configmap.yaml"));
        Assert.Equal(configMap.Text("metadata.name"), volume.Text("configMap.name"));
        var text = ((YamlScalarNode)configMap.Map("data").Children[new YamlScalarNode(Path.GetFileName(configPath))]).Value!;

        var config = SupergraphConfigReader.Parse(text, configPath);
        Assert.NotEmpty(config.Subgraphs);
        Assert.All(config.Subgraphs, s => Assert.StartsWith("http://", s.RoutingUrl));
    }

    [Fact]
    public void The_registry_variant_replaces_the_config_argument_and_its_settings_bind_to_the_gateway_options()
    {
        var patch = YamlDocument.Load(Folder("registry", "deployment-patch.yaml"));
        Assert.Equal(Deployment.Text("metadata.name"), patch.Text("metadata.name"));
        var container = patch.List("spec.template.spec.containers").Named(Gateway.Text("name"));
        Assert.NotEmpty(container.Texts("args"));
        Assert.DoesNotContain("--config", container.Texts("args"));
        var configMap = YamlDocument.Load(Folder("registry", "configmap.yaml"));
        Assert.Equal(configMap.Text("metadata.name"), container.List("envFrom").Select(e => e.Find("configMapRef.name")).OfType<YamlScalarNode>().Single().Value);

        // The ConfigMap's keys become environment variables: Gateway__Registry__Url is Gateway:Registry:Url.
        var settings = configMap.Map("data").Children.ToDictionary(e => ((YamlScalarNode)e.Key).Value!.Replace("__", ":", StringComparison.Ordinal), e => ((YamlScalarNode)e.Value).Value);
        var options = new GatewayOptions();
        FederatedGatewayServiceCollectionExtensions.Bind(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), options);
        Assert.True(options.Registry.IsEnabled);
        Assert.Equal(settings["Gateway:Registry:Url"], options.Registry.Url);
        Assert.Equal(settings["Gateway:Registry:Graph"], options.Registry.Graph);
    }

    [Fact]
    public async Task Kustomize_renders_each_variant_with_its_own_supergraph_source()
    {
        // kubectl's built-in kustomize, where kubectl is installed (no cluster needed); run-tests.sh does not install it,
        // so elsewhere this one test only says so: the other manifest tests parse and cross-check the same files.
        if (await RenderAsync("base") is not { } rendered)
        {
            output.WriteLine("kubectl is not installed: the variants were not rendered");
            return;
        }

        Assert.Contains(rendered, d => d.Text("kind") == "Service");
        var supergraph = (await RenderAsync("supergraph"))!;
        var composing = Assert.Single(supergraph, d => d.Text("kind") == "Deployment");
        Assert.Contains("--config", Assert.Single(composing.List("spec.template.spec.containers")).Texts("args"));
        Assert.Contains(supergraph, d => d.Text("kind") == "ConfigMap" && d.Text("metadata.name") == "federated-gateway-supergraph");

        var registry = (await RenderAsync("registry"))!;
        var following = Assert.Single(Assert.Single(registry, d => d.Text("kind") == "Deployment").List("spec.template.spec.containers"));
        Assert.DoesNotContain("--config", following.Texts("args"));
        Assert.Equal(2, following.List("envFrom").Count);
        Assert.Equal("8080", following.List("ports").Named("http").Text("containerPort"));
        Assert.Equal("/health/ready", following.Text("readinessProbe.httpGet.path"));
    }

    /// <summary>The documents of <c>kubectl kustomize tools/kubernetes/&lt;variant&gt;</c>; null without kubectl.</summary>
    private static async Task<IReadOnlyList<YamlMappingNode>?> RenderAsync(string variant)
    {
        var start = new System.Diagnostics.ProcessStartInfo("kubectl") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("kustomize");
        start.ArgumentList.Add(Folder(variant));
        System.Diagnostics.Process process;
        try
        {
            process = System.Diagnostics.Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }

        using (process)
        {
            var yaml = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
            Assert.True(process.ExitCode == 0, $"kubectl kustomize {variant}: {await errors}");
            var stream = new YamlStream();
            stream.Load(new StringReader(await yaml));
            return stream.Documents.Select(d => (YamlMappingNode)d.RootNode).ToList();
        }
    }
}
