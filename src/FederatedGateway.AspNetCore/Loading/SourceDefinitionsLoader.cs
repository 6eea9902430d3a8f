using FederatedGateway.Core.CompositionConfig;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FederatedGateway.AspNetCore.Loading;

/// <summary>
/// For a gateway that serves a composed supergraph (a file, or a registry's) instead of composing
/// <c>supergraph.yaml</c> itself: reads the gRPC, OpenAPI and SOAP entries of <c>Gateway:SourcesConfig</c> once at start,
/// before the first supergraph is loaded (registered before the loader, as a first load and as a hosted service, so
/// it runs first whether <see cref="GatewayRunner"/> or the host starts the loads), so the source kinds know how to
/// serve those subgraphs. GraphQL entries (file, subgraph_url) need nothing and are not read.
/// </summary>
internal sealed partial class SourceDefinitionsLoader(string configPath, IEnumerable<SourceKindResolver> kinds, ILogger<SourceDefinitionsLoader> logger) : IHostedService, IFirstSupergraphLoad
{
    private readonly Lazy<Task> _read = new(() => ReadAsync(configPath, kinds, logger));

    public Task StartAsync(CancellationToken cancellationToken) => LoadFirstAsync(cancellationToken);

    public Task LoadFirstAsync(CancellationToken cancellationToken) => _read.Value;

    private static async Task ReadAsync(string configPath, IEnumerable<SourceKindResolver> kinds, ILogger logger)
    {
        var cancellationToken = CancellationToken.None;
        SupergraphConfig config;
        try
        {
            config = SupergraphConfigReader.Read(configPath);
        }
        catch (SupergraphConfigException ex)
        {
            throw new SupergraphLoadException($"Gateway:SourcesConfig \"{configPath}\" cannot be used: {ex.Message}", ex);
        }

        var resolvers = kinds.ToDictionary(k => k.Kind, k => k.Resolve, StringComparer.Ordinal);
        foreach (var subgraph in config.Subgraphs.Where(s => s.Source is not null))
        {
            if (!resolvers.TryGetValue(subgraph.Source!.Kind, out var resolve))
            {
                throw new SupergraphLoadException($"Gateway:SourcesConfig: subgraph \"{subgraph.Name}\": {subgraph.Source.Kind} sources are not supported by this gateway.");
            }

            try
            {
                // The resolver registers what its source kind's client needs; the SDL it also makes is not used here.
                await resolve(subgraph, cancellationToken).ConfigureAwait(false);
                LogRead(logger, subgraph.Name, subgraph.Source.Kind);
            }
            catch (SupergraphConfigException ex)
            {
                throw new SupergraphLoadException($"Gateway:SourcesConfig \"{configPath}\" cannot be used: {ex.Message}", ex);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Subgraph {Subgraph} is served as a {Kind} source (Gateway:SourcesConfig)")]
    private static partial void LogRead(ILogger logger, string subgraph, string kind);
}
