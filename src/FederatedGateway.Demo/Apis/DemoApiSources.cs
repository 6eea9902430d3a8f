using FederatedGateway.Core.CompositionConfig;
using FederatedGateway.OpenApi.Sources;
using FederatedGateway.Soap.Sources;

namespace FederatedGateway.Demo.Apis;

/// <summary>
/// How the demo gateway knows its REST and SOAP services: the <c>openapi</c> and <c>soap</c> entries of
/// <c>supergraph-grpc.yaml</c> (copied next to the assembly with the OpenAPI document and the WSDL), translated as
/// composition translated them into <c>supergraph-grpc.graphql</c>, into the registry the gateway's clients read.
/// </summary>
internal static class DemoApiSources
{
    public static async Task<ApiSourceRegistry> ReadAsync(CancellationToken cancellationToken)
    {
        var config = SupergraphConfigReader.Read(Path.Combine(AppContext.BaseDirectory, "supergraph-grpc.yaml"));
        var folder = Path.GetDirectoryName(config.Path)!;
        var registry = new ApiSourceRegistry();
        SourceKindResolver[] kinds = [OpenApiConfigSources.Resolver(folder, registry), SoapConfigSources.Resolver(folder, registry)];
        foreach (var subgraph in config.Subgraphs)
        {
            if (kinds.FirstOrDefault(k => k.Kind == subgraph.Source?.Kind) is { } kind)
            {
                await kind.Resolve(subgraph, cancellationToken).ConfigureAwait(false);
            }
        }

        return registry;
    }
}
