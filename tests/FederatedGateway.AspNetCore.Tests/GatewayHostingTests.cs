using System.Net;
using System.Text;
using FederatedGateway.AspNetCore.Tests.Infrastructure;
using FederatedGateway.Execution.Transport;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static FederatedGateway.AspNetCore.Tests.Infrastructure.Http;

namespace FederatedGateway.AspNetCore.Tests;

/// <summary>Registration, options binding, body size limit and header forwarding (each test on its own server).</summary>
public sealed class GatewayHostingTests
{
    private static readonly Dictionary<string, string?> SmallBodyLimit = new() { ["Gateway:MaxRequestBodySize"] = "1024" };

    private static string BodyOfSize(int size)
    {
        const string prefix = """{"query":"{ __typename }","extensions":{"pad":" """;
        const string suffix = "\"}}";
        return prefix + new string('x', size - prefix.Length - suffix.Length) + suffix;
    }

    [Fact]
    public async Task Body_larger_than_the_limit_is_413()
    {
        var executor = new FakeGatewayExecutor();
        await using var host = await GatewayHostFixture.StartGatewayAsync(executor, SmallBodyLimit);

        using var response = await host.Client.SendAsync(Post("/graphql", BodyOfSize(4096)));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("BAD_REQUEST", await FirstErrorCodeAsync(response));
        Assert.Equal(0, executor.Calls);
    }

    [Fact]
    public async Task Chunked_body_larger_than_the_limit_is_413()
    {
        var executor = new FakeGatewayExecutor();
        await using var host = await GatewayHostFixture.StartGatewayAsync(executor, SmallBodyLimit);
        using var message = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new ChunkedContent(Encoding.UTF8.GetBytes(BodyOfSize(4096)), "application/json"),
        };

        using var response = await host.Client.SendAsync(message);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(0, executor.Calls);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Body_of_exactly_the_limit_is_accepted(bool chunked)
    {
        var executor = new FakeGatewayExecutor();
        await using var host = await GatewayHostFixture.StartGatewayAsync(executor, SmallBodyLimit);
        var body = Encoding.UTF8.GetBytes(BodyOfSize(1024));
        Assert.Equal(1024, body.Length);
        using var message = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = chunked ? new ChunkedContent(body, "application/json") : new ByteArrayContent(body),
        };
        message.Content.Headers.ContentType ??= new("application/json");

        using var response = await host.Client.SendAsync(message);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, executor.Calls);
    }

    [Fact]
    public async Task Default_limit_is_2_MiB()
    {
        var executor = new FakeGatewayExecutor();
        await using var host = await GatewayHostFixture.StartGatewayAsync(executor);

        using (var ok = await host.Client.SendAsync(Post("/graphql", BodyOfSize(2 * 1024 * 1024))))
        {
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        using var tooLarge = await host.Client.SendAsync(Post("/graphql", BodyOfSize((2 * 1024 * 1024) + 1)));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
    }

    [Fact]
    public async Task Configured_headers_are_forwarded_to_the_executor()
    {
        var executor = new FakeGatewayExecutor();
        await using var host = await GatewayHostFixture.StartGatewayAsync(executor, new Dictionary<string, string?>
        {
            ["Gateway:ForwardedHeaders:0"] = "Authorization",
            ["Gateway:ForwardedHeaders:1"] = "X-Tenant",
        });
        using var message = Post("/graphql", """{"query":"{ __typename }"}""");
        message.Headers.TryAddWithoutValidation("Authorization", "Bearer abc");
        message.Headers.TryAddWithoutValidation("X-Other", "not forwarded");

        using var response = await host.Client.SendAsync(message);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var forwarded = Assert.Single(executor.LastRequest!.ForwardHeaders);
        Assert.Equal("Authorization", forwarded.Key, ignoreCase: true);
        Assert.Equal("Bearer abc", forwarded.Value);
    }

    [Fact]
    public async Task Without_an_executor_the_gateway_is_not_ready()
    {
        await using var host = await GatewayHostFixture.StartGatewayAsync(executor: null);

        using (var health = await host.Client.GetAsync("/health/ready"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        }

        using var response = await host.Client.SendAsync(Post("/graphql", """{"query":"{ __typename }"}""", accept: GraphQLResponseJson));
        Assert.False(response.IsSuccessStatusCode);
        Assert.Equal("GATEWAY_NOT_READY", await FirstErrorCodeAsync(response));
    }

    [Fact]
    public async Task Endpoint_can_be_mapped_at_another_path()
    {
        var executor = new FakeGatewayExecutor();
        await using var host = await KestrelHost.StartAsync(
            (services, configuration) => services.AddFederatedGateway(configuration).AddSingleton<Execution.Requests.IGatewayExecutor>(executor),
            app => app.MapFederatedGateway("/api/graph"));

        using var response = await host.Client.SendAsync(Post("/api/graph", """{"query":"{ __typename }"}"""));
        using var missing = await host.Client.SendAsync(Post("/graphql", """{"query":"{ __typename }"}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public void Map_without_AddFederatedGateway_throws_a_clear_error()
    {
        var builder = WebApplication.CreateSlimBuilder();
        var app = builder.Build();

        var error = Assert.Throws<InvalidOperationException>(() => app.MapFederatedGateway());
        Assert.Contains("AddFederatedGateway", error.Message);
    }

    [Fact]
    public void Options_bind_from_the_gateway_section()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Gateway:SupergraphPath"] = "schemas/supergraph.graphql",
            ["Gateway:SubgraphTimeout"] = "00:00:05",
            ["Gateway:MaxRequestBodySize"] = "4096",
            ["Gateway:SubgraphUrlOverrides:accounts"] = "http://127.0.0.1:15101/graphql",
        }).Build();
        using var provider = new ServiceCollection().AddLogging().AddFederatedGateway(configuration).BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<GatewayOptions>>().Value;
        Assert.Equal("schemas/supergraph.graphql", options.SupergraphPath);
        Assert.Equal(TimeSpan.FromSeconds(5), options.SubgraphTimeout);
        Assert.Equal(4096, options.MaxRequestBodySize);
        Assert.Equal("http://127.0.0.1:15101/graphql", options.SubgraphUrlOverrides["accounts"]);
        // Two source kinds: http(s) subgraphs are GraphQL over HTTP, grpc(s) ones gRPC services; nothing else is claimed.
        var sources = provider.GetServices<FederatedGateway.Execution.Sources.ISubgraphClientFactory>().ToArray();
        Assert.Equal(["graphql-http", "grpc", "openapi", "soap"], sources.Select(s => s.Kind));
        var http = new FederatedGateway.Execution.Sources.SubgraphEndpoint("a", "http://127.0.0.1:1/graphql");
        var grpc = new FederatedGateway.Execution.Sources.SubgraphEndpoint("b", "grpc://127.0.0.1:1");
        var other = new FederatedGateway.Execution.Sources.SubgraphEndpoint("c", "ftp://127.0.0.1:1");
        Assert.Equal([true, false, false], new[] { http, grpc, other }.Select(sources[0].CanHandle));
        Assert.Equal([false, true, false], new[] { http, grpc, other }.Select(sources[1].CanHandle));
        Assert.IsType<FederatedGateway.Execution.Transport.DeduplicatingSubgraphClient>(sources[0].GetClient(http)); // over HttpSubgraphClient
        Assert.IsType<FederatedGateway.Grpc.Client.GrpcSubgraphClient>(sources[1].GetClient(grpc));
    }

    [Fact]
    public void Command_line_supergraph_overrides_the_section()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Gateway:SupergraphPath"] = "from-settings.graphql" })
            .AddCommandLine(["--supergraph", "from-command-line.graphql"])
            .Build();
        using var provider = new ServiceCollection().AddLogging().AddFederatedGateway(configuration).BuildServiceProvider();

        Assert.Equal("from-command-line.graphql", provider.GetRequiredService<IOptions<GatewayOptions>>().Value.SupergraphPath);
    }

    [Fact]
    public void Gateway_Supergraph_is_an_alias_of_SupergraphPath()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Gateway:Supergraph"] = "alias.graphql" })
            .Build();
        using var provider = new ServiceCollection().AddLogging().AddFederatedGateway(configuration).BuildServiceProvider();

        Assert.Equal("alias.graphql", provider.GetRequiredService<IOptions<GatewayOptions>>().Value.SupergraphPath);
    }

    [Fact]
    public void Defaults_match_the_brief()
    {
        var options = new GatewayOptions();

        Assert.Equal(TimeSpan.FromSeconds(30), options.SubgraphTimeout);
        Assert.Equal(2 * 1024 * 1024, options.MaxRequestBodySize);
        Assert.Null(options.SupergraphPath);
        Assert.Empty(options.SubgraphUrlOverrides);
    }
}
