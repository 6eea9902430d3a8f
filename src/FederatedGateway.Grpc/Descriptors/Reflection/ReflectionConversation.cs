using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using V1 = Grpc.Reflection.V1;

namespace FederatedGateway.Grpc.Descriptors.Reflection;

/// <summary>
/// One <c>ServerReflectionInfo</c> stream of <c>grpc.reflection.v1</c> or of <c>v1alpha</c> (the two versions'
/// messages are the same on the wire, so both are spoken with v1's): questions asked one at a time, each answered
/// before the next. A null answer means the server ended the stream; a server without the version fails with
/// UNIMPLEMENTED.
/// </summary>
internal sealed class ReflectionConversation : IAsyncDisposable
{
    public const string V1Service = "grpc.reflection.v1.ServerReflection";
    public const string V1AlphaService = "grpc.reflection.v1alpha.ServerReflection";

    private readonly AsyncDuplexStreamingCall<V1.ServerReflectionRequest, V1.ServerReflectionResponse> _call;
    private readonly CancellationToken _cancellationToken;

    public ReflectionConversation(GrpcChannel channel, string service, DateTime deadline, CancellationToken cancellationToken)
    {
        Service = service;
        _cancellationToken = cancellationToken;
        var method = new Method<V1.ServerReflectionRequest, V1.ServerReflectionResponse>(
            MethodType.DuplexStreaming, service, "ServerReflectionInfo",
            Marshallers.Create(r => r.ToByteArray(), V1.ServerReflectionRequest.Parser.ParseFrom),
            Marshallers.Create(r => r.ToByteArray(), V1.ServerReflectionResponse.Parser.ParseFrom));
        _call = channel.CreateCallInvoker().AsyncDuplexStreamingCall(method, null, new CallOptions(deadline: deadline, cancellationToken: cancellationToken));
    }

    /// <summary>The reflection service spoken, for messages.</summary>
    public string Service { get; }

    public Task<ReflectionAnswer?> ListServicesAsync() => AskAsync(new V1.ServerReflectionRequest { ListServices = "*" });

    public Task<ReflectionAnswer?> FileContainingSymbolAsync(string fullName) => AskAsync(new V1.ServerReflectionRequest { FileContainingSymbol = fullName });

    public Task<ReflectionAnswer?> FileByFilenameAsync(string fileName) => AskAsync(new V1.ServerReflectionRequest { FileByFilename = fileName });

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _call.RequestStream.CompleteAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is RpcException or InvalidOperationException)
        {
            // The call already failed or ended; nothing left to complete.
        }

        _call.Dispose();
    }

    private static bool IsEndedByServer(Exception ex) =>
        ex is OperationCanceledException or InvalidOperationException or RpcException { StatusCode: StatusCode.Cancelled };

    private async Task<ReflectionAnswer?> AskAsync(V1.ServerReflectionRequest request)
    {
        try
        {
            await _call.RequestStream.WriteAsync(request, _cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsEndedByServer(ex) && !_cancellationToken.IsCancellationRequested)
        {
            // The server ended the call while the question was being sent (UNIMPLEMENTED from a server without this
            // version races the write, and the write then fails as cancelled); the response stream carries the
            // server's status, which the caller acts on.
            if (!await _call.ResponseStream.MoveNext(_cancellationToken).ConfigureAwait(false))
            {
                return null;
            }

            throw;
        }

        if (!await _call.ResponseStream.MoveNext(_cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        var reply = _call.ResponseStream.Current;
        return new ReflectionAnswer(
            reply.ListServicesResponse?.Service.Select(s => s.Name).ToList() ?? [],
            reply.FileDescriptorResponse?.FileDescriptorProto.ToList() ?? [],
            reply.ErrorResponse?.ErrorCode ?? 0,
            reply.ErrorResponse?.ErrorMessage);
    }
}
