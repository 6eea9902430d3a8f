using FederatedGateway.Core.Composition;
using FederatedGateway.Grpc.Descriptors;
using FederatedGateway.Grpc.Sources;
using FederatedGateway.Grpc.Translation;

namespace FederatedGateway.Grpc.Composition;

/// <summary>Turns gRPC sources into <see cref="SubgraphSource"/>s for <see cref="SupergraphComposer"/>.</summary>
public static class GrpcSubgraphSources
{
    /// <summary>The subgraph of a translated schema, routed at <paramref name="url"/> (<c>grpc://host:port</c>).</summary>
    public static SubgraphSource Create(string name, string url, GrpcSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        if (!GrpcAddress.IsGrpc(url))
        {
            throw new GrpcSourceException($"Subgraph \"{name}\": the routing URL of a gRPC source must be grpc://host:port or grpcs://host:port, not \"{url}\".");
        }

        return new SubgraphSource(name, url, schema.Sdl, schema.Origin) { LineOrigins = schema.LineOrigins };
    }

    /// <summary>Loads, translates and wraps a source.</summary>
    /// <exception cref="GrpcSourceException">The descriptors cannot be had or translated.</exception>
    public static async Task<SubgraphSource> LoadAsync(string name, string url, GrpcSourceDefinition source, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var schema = await GrpcSourceLoader.LoadAsync(source, url, timeout, cancellationToken).ConfigureAwait(false);
        return Create(name, url, schema);
    }
}
