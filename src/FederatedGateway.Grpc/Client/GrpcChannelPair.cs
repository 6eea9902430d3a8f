using Grpc.Core;
using Grpc.Net.Client;

namespace FederatedGateway.Grpc.Client;

/// <summary>
/// The two channels to one target, over one HTTP/2 connection pool (one handler): reads go through a channel whose
/// service config retries UNAVAILABLE (grpc-dotnet's retry policy, within the call's deadline), writes through one
/// that never retries. Their call invokers are made once and shared by all calls.
/// </summary>
internal sealed class GrpcChannelPair : IDisposable
{
    private readonly HttpMessageHandler _handler;

    public GrpcChannelPair(GrpcChannel reads, GrpcChannel writes, HttpMessageHandler handler)
    {
        Reads = reads;
        Writes = writes;
        _handler = handler;
        ReadInvoker = reads.CreateCallInvoker();
        WriteInvoker = ReferenceEquals(reads, writes) ? ReadInvoker : writes.CreateCallInvoker();
    }

    /// <summary>Retries UNAVAILABLE (idempotent reads only).</summary>
    public GrpcChannel Reads { get; }

    /// <summary>Never retries (mutations, subscriptions).</summary>
    public GrpcChannel Writes { get; }

    public CallInvoker ReadInvoker { get; }

    public CallInvoker WriteInvoker { get; }

    public void Dispose()
    {
        Reads.Dispose();
        Writes.Dispose();
        _handler.Dispose();
    }
}
