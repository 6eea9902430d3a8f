using FederatedGateway.Core.Supergraph;
using FederatedGateway.Execution.Gateway;
using FederatedGateway.Execution.Transport;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FederatedGateway.AspNetCore.Loading;

/// <summary>
/// Loads the supergraph file named by <see cref="GatewayOptions.SupergraphPath"/> when the host starts and
/// installs the snapshot into the <see cref="FederatedGatewayExecutor"/>. A missing or invalid file stops the
/// start with a message that says why.
/// </summary>
internal sealed partial class SupergraphFileLoader : IHostedService
{
    private readonly FederatedGatewayExecutor _executor;
    private readonly ISubgraphClient _client;
    private readonly GatewayOptions _options;
    private readonly ILogger<SupergraphFileLoader> _logger;

    public SupergraphFileLoader(FederatedGatewayExecutor executor, ISubgraphClient client, IOptions<GatewayOptions> options, ILogger<SupergraphFileLoader> logger)
    {
        _executor = executor;
        _client = client;
        _options = options.Value;
        _logger = logger;
    }

    public Task StartAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var path = _options.SupergraphPath;
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new SupergraphLoadException("No supergraph given: pass --supergraph <file> (or set Gateway:SupergraphPath).");
        }

        string sdl;
        try
        {
            sdl = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new SupergraphLoadException($"Cannot read the supergraph file \"{path}\": {ex.Message}", ex);
        }

        GatewaySnapshot snapshot;
        try
        {
            snapshot = GatewaySnapshot.Build(sdl, _client, _options.SubgraphUrlOverrides);
        }
        catch (SupergraphException ex)
        {
            throw new SupergraphLoadException($"The supergraph file \"{path}\" cannot be loaded: {ex.Message}", ex);
        }

        _executor.Swap(snapshot);
        LogLoaded(_logger, path, snapshot.Schema.Subgraphs.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded supergraph {Path} with {Count} subgraphs")]
    private static partial void LogLoaded(ILogger logger, string path, int count);
}
