using System.Net.Http.Json;
using System.Text.Json;
using FederatedGateway.AspNetCore.Loading;
using FederatedGateway.Core.Operations;
using FederatedGateway.Demo;
using FederatedGateway.Execution.Pipeline;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FederatedGateway.AspNetCore.Tests.Pipeline;

/// <summary>A stage registered as an <see cref="IRequestStage"/> service joins the hosted gateway's request path at its order.</summary>
public sealed class RegisteredStageTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("fgw-stage-").FullName;
    private readonly HttpClient _http = new();
    private DemoSubgraphHost? _subgraphs;

    /// <summary>Refuses operations named "Blocked" once they are prepared, like an authorization stage would.</summary>
    private sealed class BlockByNameStage : IRequestStage
    {
        public int Order => RequestStageOrder.Authorize;

        public ValueTask InvokeAsync(RequestContext context, RequestStageDelegate next)
        {
            if (context.Operation?.Name == "Blocked")
            {
                context.Reject(RequestError.Of("Blocked by a stage.", "FORBIDDEN"));
                return ValueTask.CompletedTask;
            }

            return next(context);
        }
    }

    private static string Schemas([System.Runtime.CompilerServices.CallerFilePath] string path = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", "..", "..", "schemas"));

    public async Task InitializeAsync()
    {
        _subgraphs = await DemoSubgraphs.StartAsync(DemoPorts.Ephemeral);
        var yaml = "subgraphs:\n";
        foreach (var name in new[] { "accounts", "portfolio", "orders" })
        {
            File.Copy(Path.Combine(Schemas(), name + ".graphql"), Path.Combine(_directory, name + ".graphql"));
            yaml += $"  {name}:\n    routing_url: {_subgraphs.GetUrl(name)}\n    schema:\n      file: {name}.graphql\n";
        }

        await File.WriteAllTextAsync(Path.Combine(_directory, "supergraph.yaml"), yaml);
    }

    public async Task DisposeAsync()
    {
        if (_subgraphs is not null)
        {
            await _subgraphs.DisposeAsync();
        }

        _http.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task ARegisteredStageAnswersBeforeAnythingIsFetched()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["config"] = Path.Combine(_directory, "supergraph.yaml") });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton<IRequestStage, BlockByNameStage>();
        builder.Services.AddFederatedGatewayFromSupergraphFile(builder.Configuration);
        await using var app = builder.Build();
        app.MapFederatedGateway("/graphql");
        await app.StartAsync();
        var url = app.Urls.First() + "/graphql";

        async Task<JsonElement> Post(string query)
        {
            using var response = await _http.PostAsJsonAsync(url, new { query });
            return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        }

        var allowed = await Post("query Allowed { __typename }");
        var blocked = await Post("query Blocked { __typename }");

        Assert.Equal("Query", allowed.GetProperty("data").GetProperty("__typename").GetString());
        Assert.False(blocked.TryGetProperty("data", out _));
        Assert.Equal("FORBIDDEN", blocked.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }
}
