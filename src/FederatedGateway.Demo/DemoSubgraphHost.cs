using FederatedGateway.Demo.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace FederatedGateway.Demo;

/// <summary>
/// The running demo subgraphs, each its own Kestrel server on 127.0.0.1. Disposing stops them all.
/// </summary>
public sealed class DemoSubgraphHost : IAsyncDisposable
{
    private readonly IReadOnlyList<WebApplication> _apps;
    private int _disposed;

    internal DemoSubgraphHost(IReadOnlyList<DemoSubgraphEndpoint> subgraphs, IReadOnlyList<WebApplication> apps)
    {
        Subgraphs = subgraphs;
        _apps = apps;
    }

    /// <summary>Every running subgraph with its bound URL (<c>http://127.0.0.1:PORT/graphql</c>), in start order.</summary>
    public IReadOnlyList<DemoSubgraphEndpoint> Subgraphs { get; }

    /// <summary>The <c>accounts</c> subgraph's GraphQL endpoint.</summary>
    public Uri AccountsUrl => GetUrl(DemoSubgraphNames.Accounts);

    /// <summary>The <c>portfolio</c> subgraph's GraphQL endpoint.</summary>
    public Uri PortfolioUrl => GetUrl(DemoSubgraphNames.Portfolio);

    /// <summary>The <c>orders</c> subgraph's GraphQL endpoint.</summary>
    public Uri OrdersUrl => GetUrl(DemoSubgraphNames.Orders);

    /// <summary>The GraphQL endpoint of the subgraph with the given name (see <see cref="DemoSubgraphNames"/>).</summary>
    public Uri GetUrl(string subgraphName)
    {
        foreach (var subgraph in Subgraphs)
        {
            if (string.Equals(subgraph.Name, subgraphName, StringComparison.Ordinal))
                return subgraph.Url;
        }

        throw new ArgumentException($"No demo subgraph is named '{subgraphName}'.", nameof(subgraphName));
    }

    /// <summary>How many subscriptions the named subgraph is serving right now (over graphql-transport-ws).</summary>
    public int ActiveSubscriptions(string subgraphName)
    {
        for (var i = 0; i < Subgraphs.Count; i++)
        {
            if (string.Equals(Subgraphs[i].Name, subgraphName, StringComparison.Ordinal))
                return _apps[i].Services.GetRequiredService<SubscriptionTracker>().Active;
        }

        throw new ArgumentException($"No demo subgraph is named '{subgraphName}'.", nameof(subgraphName));
    }

    /// <summary>Stops every subgraph server gracefully.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        foreach (var app in _apps)
            await app.StopAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
            return;

        await DemoApps.StopAndDisposeAsync(_apps).ConfigureAwait(false);
    }
}
