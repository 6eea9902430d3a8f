using FederatedGateway.AspNetCore.Tls;
using FederatedGateway.Execution.Sources;
using FederatedGateway.Execution.Transport;
using FederatedGateway.Execution.Transport.Replicas;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FederatedGateway.AspNetCore.Traffic;

/// <summary>The replicas of HTTP subgraphs (<c>Gateway:Replicas</c>): one registry for the process, its health checks probing from the start.</summary>
internal static class ReplicaServiceCollectionExtensions
{
    public static void AddReplicas(this IServiceCollection services) =>
        services.AddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<GatewayOptions>>().Value;
            var client = options.ToSubgraphClientOptions();
            var tls = options.Tls.LoadIfValid();
            return new ReplicaRegistry(
                options.Replicas.Balanced(ReplicaSettings.IsHttp),
                name => HttpSubgraphClient.CreateHandler(tls.TryGetValue(name, out var own) ? client.WithTls(own) : client),
                provider.GetService<ILoggerFactory>());
        });

    /// <summary>Whatever applies to a subgraph's URL (e.g. the plain-text credential check) applies to each of its replicas.</summary>
    public static Action<SubgraphEndpoint>? ForEachReplica(this Action<SubgraphEndpoint>? check, ReplicaSettings replicas)
    {
        if (check is null || replicas.Subgraphs.Count == 0)
        {
            return check;
        }

        return endpoint =>
        {
            check(endpoint);
            if (replicas.Subgraphs.TryGetValue(endpoint.Name, out var own))
            {
                foreach (var url in own.Urls)
                {
                    check(endpoint with { Url = url });
                }
            }
        };
    }

    /// <summary>A subgraph's first replica URL stands for it wherever one URL is needed (its source kind, a single URL's whole path).</summary>
    public static void ApplyReplicaUrls(GatewayOptions options)
    {
        if (options.Replicas.Problems().Any())
        {
            return;
        }

        foreach (var (name, subgraph) in options.Replicas.Subgraphs)
        {
            if (subgraph.Urls.Count > 0)
            {
                options.SubgraphUrlOverrides[name] = subgraph.Urls[0];
            }
        }
    }
}
