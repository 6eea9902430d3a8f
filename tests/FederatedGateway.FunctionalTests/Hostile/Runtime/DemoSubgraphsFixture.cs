using FederatedGateway.Demo;

namespace FederatedGateway.FunctionalTests.Hostile.Runtime;

/// <summary>The demo subgraphs on loopback, shared by the runtime attack tests; each test points some subgraphs elsewhere.</summary>
public sealed class DemoSubgraphsFixture : IAsyncLifetime
{
    private DemoSubgraphHost _subgraphs = null!;

    public async Task InitializeAsync() => _subgraphs = await DemoSubgraphs.StartAsync(DemoPorts.Ephemeral);

    public async Task DisposeAsync() => await _subgraphs.DisposeAsync();

    /// <summary>Subgraph name → URL: the demo's, with <paramref name="replacements"/> applied.</summary>
    public Dictionary<string, string> Urls(params (string Name, string Url)[] replacements)
    {
        var urls = _subgraphs.Subgraphs.ToDictionary(s => s.Name, s => s.Url.ToString());
        foreach (var (name, url) in replacements)
        {
            urls[name] = url;
        }

        return urls;
    }

    public string Url(string name) => Urls()[name];
}
