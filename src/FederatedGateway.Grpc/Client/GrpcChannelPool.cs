using System.Collections.Concurrent;
using System.Diagnostics;
using FederatedGateway.Grpc.Descriptors;
using Grpc.Net.Client;

namespace FederatedGateway.Grpc.Client;

/// <summary>One <see cref="GrpcChannel"/> per target URL (HTTP/2: h2c for grpc://, TLS for grpcs://), shared by all calls.</summary>
public sealed class GrpcChannelPool : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<GrpcChannel>> _channels = new(StringComparer.OrdinalIgnoreCase);
    private readonly GrpcSubgraphClientOptions _options;

    public GrpcChannelPool(GrpcSubgraphClientOptions? options = null)
    {
        _options = options ?? new GrpcSubgraphClientOptions();
    }

    /// <summary>The channel to <paramref name="url"/>, with <paramref name="serviceName"/>'s TLS settings when it has any.</summary>
    /// <exception cref="GrpcSourceException">The URL is not a gRPC URL.</exception>
    public GrpcChannel Get(string url, string? serviceName = null) =>
        _channels.GetOrAdd(serviceName is null ? url : serviceName + " " + url, _ => new Lazy<GrpcChannel>(() => Create(url, serviceName))).Value;

    private GrpcChannel Create(string url, string? serviceName)
    {
        var handler = new SocketsHttpHandler
        {
            EnableMultipleHttp2Connections = true,
            PooledConnectionIdleTimeout = _options.PooledConnectionIdleTimeout,
            KeepAlivePingDelay = TimeSpan.FromSeconds(60),
            KeepAlivePingTimeout = TimeSpan.FromSeconds(20),
            ConnectTimeout = _options.Timeout,
            UseProxy = false,
            // No trace headers from the current activity: ASP.NET Core builds it from the client's traceparent and
            // baggage, which reach a subgraph only through Gateway:ForwardedHeaders (ConfigureHandler may set one).
            ActivityHeadersPropagator = DistributedContextPropagator.CreateNoOutputPropagator(),
        };
        _options.ConfigureHandler?.Invoke(handler);
        if (serviceName is not null && _options.TlsBySubgraph.TryGetValue(serviceName, out var tls))
        {
            tls.Apply(handler);
        }

        return GrpcChannel.ForAddress(GrpcAddress.ToHttpAddress(url), new GrpcChannelOptions
        {
            HttpHandler = handler,
            DisposeHttpClient = true,
            MaxReceiveMessageSize = _options.MaxReceiveMessageSize,
            MaxSendMessageSize = _options.MaxReceiveMessageSize,
        });
    }

    public void Dispose()
    {
        foreach (var channel in _channels.Values)
        {
            if (channel.IsValueCreated)
            {
                channel.Value.Dispose();
            }
        }

        _channels.Clear();
    }
}
