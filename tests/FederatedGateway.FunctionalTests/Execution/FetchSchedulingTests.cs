using System.Text.Json;
using FederatedGateway.FunctionalTests.Infrastructure;
using FederatedGateway.Testing.Graphs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace FederatedGateway.FunctionalTests.Execution;

/// <summary>
/// Each fetch starts once the fetches it depends on are done, not when the whole previous step of the plan is: on
/// <see cref="TwoBranchGraph"/>, subgraph <c>u</c> (one branch) holds its answer until the gateway has asked <c>t</c>
/// (the other branch's second fetch), which only a gateway that does not wait for <c>u</c> before <c>t</c> does.
/// Real Kestrel subgraphs, the real gateway.
/// </summary>
public sealed class FetchSchedulingTests
{
    private static readonly TimeSpan HoldAtMost = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_fetch_does_not_wait_for_a_slow_fetch_of_another_branch()
    {
        await using var subgraphs = await BranchSubgraphs.StartAsync();
        var supergraph = Path.Combine(Path.GetTempPath(), $"fgw-two-branch-{Guid.NewGuid():N}.graphql");
        await File.WriteAllTextAsync(supergraph, TwoBranchGraph.Supergraph);
        try
        {
            await using var gateway = await GatewayHost.StartAsync(subgraphs.Urls, new Dictionary<string, string> { ["SupergraphPath"] = supergraph });
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };

            var response = await GraphQLHttp.PostAsync(http, gateway.Endpoint, TwoBranchGraph.Query);

            JsonAssert.Equal("""{"data":{"a":{"id":"a1","extra":{"id":"e1","detail":"from t"}},"b":{"id":"b1","slow":"from u"}}}""", response.Body);
            Assert.True(subgraphs.UReleasedByT, "u answered only after holding its answer for 10 s: the fetch to t waited for u");
            Assert.Equal("r", subgraphs.Requests[0]);
            Assert.Equal(new[] { "r", "s", "t", "u" }, subgraphs.Requests.Order(StringComparer.Ordinal));
        }
        finally
        {
            File.Delete(supergraph);
        }
    }

    /// <summary>The four subgraphs on one Kestrel app (one path each); <c>u</c> holds its answer until <c>t</c> is asked, or 10 s.</summary>
    private sealed class BranchSubgraphs : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private readonly TaskCompletionSource _tAsked = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly List<string> _requests = new();

        private BranchSubgraphs(WebApplication app) => _app = app;

        public bool UReleasedByT { get; private set; }

        public IReadOnlyList<string> Requests
        {
            get
            {
                lock (_requests)
                {
                    return _requests.ToArray();
                }
            }
        }

        public IReadOnlyDictionary<string, string> Urls =>
            new[] { "r", "s", "t", "u" }.ToDictionary(name => name, name => _app.Urls.First() + "/" + name);

        public static async Task<BranchSubgraphs> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            var app = builder.Build();
            var subgraphs = new BranchSubgraphs(app);
            app.MapPost("/r", (HttpContext c) => subgraphs.Answer(c, "r", """{"data":{"a":{"__typename":"A","id":"a1"},"b":{"__typename":"B","id":"b1"}}}"""));
            app.MapPost("/s", (HttpContext c) => subgraphs.Answer(c, "s", """{"data":{"_entities":[{"__typename":"A","extra":{"__typename":"E","id":"e1"}}]}}"""));
            app.MapPost("/t", (HttpContext c) => subgraphs.Answer(c, "t", """{"data":{"_entities":[{"__typename":"E","detail":"from t"}]}}"""));
            app.MapPost("/u", async (HttpContext c) =>
            {
                subgraphs.Record("u");
                var released = await Task.WhenAny(subgraphs._tAsked.Task, Task.Delay(HoldAtMost));
                subgraphs.UReleasedByT = released == subgraphs._tAsked.Task;
                return Results.Text("""{"data":{"_entities":[{"__typename":"B","slow":"from u"}]}}""", "application/json");
            });
            await app.StartAsync();
            return subgraphs;
        }

        private IResult Answer(HttpContext context, string name, string body)
        {
            Record(name);
            if (name == "t")
            {
                _tAsked.TrySetResult();
            }

            return Results.Text(body, "application/json");
        }

        private void Record(string name)
        {
            lock (_requests)
            {
                _requests.Add(name);
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
