using System.Text;
using System.Text.Json;
using FederatedGateway.FunctionalTests.Infrastructure;

namespace FederatedGateway.FunctionalTests.Hardening;

/// <summary>
/// The real gateway serving <c>echo-supergraph.graphql</c> (one subgraph, <c>echo</c>, whose arguments take numbers
/// in every position a variable can hold them) over a <see cref="ScriptedSubgraph"/> that records what reaches it.
/// </summary>
public sealed class EchoGatewayFixture : IAsyncLifetime
{
    public ScriptedSubgraph Echo { get; private set; } = null!;

    public GatewayHost Gateway { get; private set; } = null!;

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

    public static string SupergraphPath => Path.Combine(AppContext.BaseDirectory, "Hardening", "echo-supergraph.graphql");

    public async Task InitializeAsync()
    {
        Echo = await ScriptedSubgraph.StartAsync();
        Echo.Answer = """{"data":{"echo":"ok"}}""";
        Gateway = await GatewayHost.StartAsync(
            new Dictionary<string, string> { ["echo"] = Echo.Url },
            new Dictionary<string, string> { ["SupergraphPath"] = SupergraphPath });
    }

    public async Task DisposeAsync()
    {
        await Gateway.DisposeAsync();
        await Echo.DisposeAsync();
        Http.Dispose();
    }

    /// <summary>POSTs <paramref name="query"/> with <paramref name="variablesJson"/> written into the body as is.</summary>
    public Task<GraphQLHttpResponse> PostAsync(string query, string variablesJson) =>
        GraphQLHttp.PostBytesAsync(
            Http, Gateway.Endpoint,
            Encoding.UTF8.GetBytes($$"""{"query":{{JsonSerializer.Serialize(query)}},"variables":{{variablesJson}}}"""),
            GraphQLHttp.GraphQLResponseJson);
}
