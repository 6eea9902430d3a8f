using FederatedGateway.Grpc.Descriptors;
using Grpc.Core;
using Grpc.Net.Client;
using Grpc.Net.Client.Balancer;
using Grpc.Net.Client.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FederatedGateway.Grpc.Client;

/// <summary>
/// Channels over several replicas of one gRPC subgraph, balanced by grpc-dotnet itself: a static resolver names the
/// replicas and the <c>round_robin</c> policy spreads calls over those whose connection is ready, so a replica that
/// stops answering drops out when its connection fails and comes back when it reconnects. Reads keep their retry
/// policy, which sends the retry of an UNAVAILABLE call to the next ready replica.
/// </summary>
internal static class GrpcReplicaChannels
{
    public static GrpcChannelPair Create(
        string serviceName, IReadOnlyList<string> urls, Func<SocketsHttpHandler> handler,
        Func<HttpMessageHandler, ServiceConfig?, GrpcChannelOptions> channelOptions, Func<ServiceConfig> retryingReads, int maxRetries)
    {
        var addresses = urls.Select(GrpcAddress.ToHttpAddress).ToArray();
        var secure = addresses[0].Scheme == Uri.UriSchemeHttps;
        if (addresses.Any(address => (address.Scheme == Uri.UriSchemeHttps) != secure))
        {
            throw new GrpcSourceException($"The replicas of gRPC subgraph \"{serviceName}\" mix grpc:// and grpcs:// URLs.");
        }

        var services = new ServiceCollection();
        services.AddSingleton<ResolverFactory>(new StaticResolverFactory(_ => addresses.Select(a => new BalancerAddress(a.Host, a.Port)).ToArray()));
        var provider = services.BuildServiceProvider();

        // Each channel has a handler of its own: grpc-dotnet takes over the handler's connections for its subchannels.
        var writesHandler = handler();
        var writes = Balanced(serviceName, secure, provider, channelOptions(writesHandler, RoundRobin(new ServiceConfig())));
        if (maxRetries <= 0)
        {
            return new GrpcChannelPair(writes, writes, new GrpcReplicaResources(writesHandler, null, provider));
        }

        var readsHandler = handler();
        var reads = Balanced(serviceName, secure, provider, channelOptions(readsHandler, RoundRobin(retryingReads())));
        return new GrpcChannelPair(reads, writes, new GrpcReplicaResources(writesHandler, readsHandler, provider));
    }

    private static ServiceConfig RoundRobin(ServiceConfig config)
    {
        config.LoadBalancingConfigs.Add(new RoundRobinConfig());
        return config;
    }

    private static GrpcChannel Balanced(string serviceName, bool secure, IServiceProvider provider, GrpcChannelOptions options)
    {
        options.ServiceProvider = provider;
        options.Credentials = secure ? ChannelCredentials.SecureSsl : ChannelCredentials.Insecure;
        return GrpcChannel.ForAddress("static:///" + Uri.EscapeDataString(serviceName), options);
    }
}
