using System.Collections.Concurrent;
using System.Diagnostics;
using FederatedGateway.Grpc.Descriptors;
using Grpc.Core;
using Grpc.Net.Client;
using Grpc.Net.Client.Configuration;

namespace FederatedGateway.Grpc.Client;

/// <summary>
/// The channels per target URL (HTTP/2: h2c for grpc://, TLS for grpcs://), shared by all calls: one connection pool
/// per target, with a channel for reads that retries UNAVAILABLE by grpc-dotnet's retry policy
/// (<see cref="GrpcSubgraphClientOptions.MaxRetries"/>, exponential backoff from <see cref="GrpcSubgraphClientOptions.RetryBackoff"/>,
/// all attempts within the call's deadline) and one for writes that does not retry.
/// </summary>
public sealed class GrpcChannelPool : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<GrpcChannelPair>> _channels = new(StringComparer.OrdinalIgnoreCase);
    private readonly GrpcSubgraphClientOptions _options;

    public GrpcChannelPool(GrpcSubgraphClientOptions? options = null)
    {
        _options = options ?? new GrpcSubgraphClientOptions();
    }

    /// <exception cref="GrpcSourceException">The URL is not a gRPC URL.</exception>
    public GrpcChannel Get(string url) => GetPair(url).Writes;

    /// <summary>The channels to <paramref name="url"/>, with <paramref name="serviceName"/>'s TLS settings when it has any.</summary>
    /// <exception cref="GrpcSourceException">The URL is not a gRPC URL.</exception>
    internal GrpcChannelPair GetPair(string url, string? serviceName = null) =>
        _channels.GetOrAdd(serviceName is null ? url : serviceName + " " + url, _ => new Lazy<GrpcChannelPair>(() => Create(url, serviceName))).Value;

    private GrpcChannelPair Create(string url, string? serviceName)
    {
        if (serviceName is not null && _options.ReplicasBySubgraph.TryGetValue(serviceName, out var replicas) && replicas.Count > 1)
        {
            return GrpcReplicaChannels.Create(serviceName, replicas, () => CreateHandler(serviceName), ChannelOptions, RetryingReads, _options.MaxRetries);
        }

        var handler = CreateHandler(serviceName);
        var address = GrpcAddress.ToHttpAddress(url);
        var writes = GrpcChannel.ForAddress(address, ChannelOptions(handler, serviceConfig: null));
        var reads = _options.MaxRetries <= 0 ? writes : GrpcChannel.ForAddress(address, ChannelOptions(handler, RetryingReads()));
        return new GrpcChannelPair(reads, writes, handler);
    }

    private SocketsHttpHandler CreateHandler(string? serviceName)
    {
        var handler = new SocketsHttpHandler
        {
            EnableMultipleHttp2Connections = true,
            PooledConnectionIdleTimeout = _options.PooledConnectionIdleTimeout,
            KeepAlivePingDelay = TimeSpan.FromSeconds(60),
            KeepAlivePingTimeout = TimeSpan.FromSeconds(20),
            ConnectTimeout = _options.Timeout,
            UseProxy = false,
            // No trace headers from the current activity (ASP.NET Core builds it from the client's traceparent and
            // baggage) and no HttpClient span per call (null leaves its diagnostics layer out): the gateway's fetch
            // span writes its own traceparent into the call's metadata (GrpcSubgraphClient.ToMetadata).
            ActivityHeadersPropagator = null,
        };
        _options.ConfigureHandler?.Invoke(handler);
        if (serviceName is not null && _options.TlsBySubgraph.TryGetValue(serviceName, out var tls))
        {
            tls.Apply(handler);
        }

        return handler;
    }

    private GrpcChannelOptions ChannelOptions(HttpMessageHandler handler, ServiceConfig? serviceConfig) => new()
    {
        HttpHandler = handler,
        DisposeHttpClient = false,
        MaxReceiveMessageSize = _options.MaxReceiveMessageSize,
        MaxSendMessageSize = _options.MaxReceiveMessageSize,
        ServiceConfig = serviceConfig,
        MaxRetryAttempts = serviceConfig is null ? null : _options.MaxRetries + 1,
    };

    /// <summary>Every method of the channel: UNAVAILABLE is retried up to MaxRetries times, the backoff doubling from RetryBackoff.</summary>
    private ServiceConfig RetryingReads()
    {
        var backoff = _options.RetryBackoff > TimeSpan.Zero ? _options.RetryBackoff : TimeSpan.FromMilliseconds(1);
        return new ServiceConfig
        {
            MethodConfigs =
            {
                new MethodConfig
                {
                    Names = { MethodName.Default },
                    RetryPolicy = new RetryPolicy
                    {
                        MaxAttempts = _options.MaxRetries + 1,
                        InitialBackoff = backoff,
                        MaxBackoff = backoff * Math.Pow(2, _options.MaxRetries),
                        BackoffMultiplier = 2,
                        RetryableStatusCodes = { StatusCode.Unavailable },
                    },
                },
            },
        };
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
