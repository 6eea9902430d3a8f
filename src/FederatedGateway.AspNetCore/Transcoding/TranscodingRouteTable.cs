using FederatedGateway.Execution.Gateway;
using FederatedGateway.Grpc.Client;
using FederatedGateway.Grpc.Descriptors;
using FederatedGateway.Grpc.Transcoding;
using FederatedGateway.Grpc.Translation;
using Microsoft.Extensions.Logging;

namespace FederatedGateway.AspNetCore.Transcoding;

/// <summary>The JSON/HTTP routes of one gateway snapshot's gRPC subgraphs, each with the client, schema and address to call.</summary>
internal sealed class TranscodingRouteTable
{
    private readonly Lazy<Task<string>> _openApi;

    private TranscodingRouteTable(IReadOnlyList<TranscodingTarget> targets)
    {
        Targets = targets;
        _openApi = new(() => OpenApiDocumentWriter.WriteAsync(targets));
    }

    public IReadOnlyList<TranscodingTarget> Targets { get; }

    /// <summary>The routes' OpenAPI document, written once per table.</summary>
    public Task<string> OpenApiAsync() => _openApi.Value;

    /// <summary>A subgraph whose descriptors cannot be had now is left out (and logged); the others are served.</summary>
    public static async Task<TranscodingRouteTable> BuildAsync(GatewaySnapshot snapshot, ILogger logger, CancellationToken cancellationToken)
    {
        var targets = new List<TranscodingTarget>();
        foreach (var (name, route) in snapshot.Executor.Subgraphs.Routes.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            if (route.Client is not GrpcSubgraphClient client)
            {
                continue;
            }

            try
            {
                var schema = await client.GetSchemaAsync(name, route.Url, cancellationToken).ConfigureAwait(false);
                targets.AddRange(HttpRoutes.Of(name, schema).Select(r => new TranscodingTarget(r, client, schema, route.Url)));
            }
            catch (GrpcSourceException ex)
            {
                TranscodingLog.RoutesUnavailable(logger, name, ex);
            }
        }

        return new TranscodingRouteTable(targets);
    }

    /// <summary>The first route whose template matches the path (and its variables), preferring one of the request's method.</summary>
    public (TranscodingTarget? Target, Dictionary<string, string>? Values, bool PathKnown) Match(string method, string path)
    {
        var pathKnown = false;
        foreach (var target in Targets)
        {
            if (target.Route.Path.Match(path) is not { } values)
            {
                continue;
            }

            pathKnown = true;
            if (string.Equals(target.Route.HttpMethod, method, StringComparison.OrdinalIgnoreCase))
            {
                return (target, values, true);
            }
        }

        return (null, null, pathKnown);
    }
}

/// <summary>A route with what serves it.</summary>
internal sealed record TranscodingTarget(HttpRoute Route, GrpcSubgraphClient Client, GrpcSchema Schema, string Url);
