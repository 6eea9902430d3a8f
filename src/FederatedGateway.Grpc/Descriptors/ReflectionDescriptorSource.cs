using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using V1 = Grpc.Reflection.V1;
using V1Alpha = Grpc.Reflection.V1Alpha;

namespace FederatedGateway.Grpc.Descriptors;

/// <summary>
/// Reads a running service's descriptors through gRPC server reflection (<c>grpc.reflection.v1</c>, falling back
/// to <c>v1alpha</c> when the server only has the older one): lists the services, asks for the file of each and
/// then for every import that was not sent along.
/// </summary>
public static class ReflectionDescriptorSource
{
    /// <summary>Services every reflection-enabled server lists that are never part of the graph.</summary>
    public static bool IsInfrastructureService(string fullName) =>
        fullName.StartsWith("grpc.reflection.", StringComparison.Ordinal)
        || fullName.StartsWith("grpc.health.", StringComparison.Ordinal)
        || fullName.StartsWith("grpc.channelz.", StringComparison.Ordinal);

    /// <exception cref="GrpcSourceException">The server cannot be reached or has no usable reflection service.</exception>
    public static async Task<ProtoFiles> LoadAsync(GrpcChannel channel, string origin, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(channel);
        try
        {
            return await LoadV1Async(channel, origin, timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.Unimplemented)
        {
            try
            {
                return await LoadV1AlphaAsync(channel, origin, timeout, cancellationToken).ConfigureAwait(false);
            }
            catch (RpcException inner)
            {
                throw Failed(origin, inner);
            }
        }
        catch (RpcException ex)
        {
            throw Failed(origin, ex);
        }
    }

    /// <summary>Opens a channel to <paramref name="url"/> (<c>grpc://</c>, <c>grpcs://</c>, <c>http://</c>, <c>https://</c>) and loads.</summary>
    public static async Task<ProtoFiles> LoadAsync(string url, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        using var channel = GrpcChannel.ForAddress(GrpcAddress.ToHttpAddress(url));
        return await LoadAsync(channel, url, timeout, cancellationToken).ConfigureAwait(false);
    }

    private static GrpcSourceException Failed(string origin, RpcException ex) =>
        new($"gRPC server reflection at {origin} failed: {ex.StatusCode} {ex.Status.Detail}", ex);

    private static async Task<ProtoFiles> LoadV1Async(GrpcChannel channel, string origin, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var client = new V1.ServerReflection.ServerReflectionClient(channel);
        using var call = client.ServerReflectionInfo(deadline: DateTime.UtcNow + timeout, cancellationToken: cancellationToken);
        async Task<V1.ServerReflectionResponse> AskAsync(V1.ServerReflectionRequest request)
        {
            await call.RequestStream.WriteAsync(request, cancellationToken).ConfigureAwait(false);
            if (!await call.ResponseStream.MoveNext(cancellationToken).ConfigureAwait(false))
            {
                throw new GrpcSourceException($"gRPC server reflection at {origin} ended the stream early.");
            }

            return call.ResponseStream.Current;
        }

        var listed = await AskAsync(new V1.ServerReflectionRequest { ListServices = "*" }).ConfigureAwait(false);
        CheckError(listed.ErrorResponse?.ErrorMessage, origin);
        var services = listed.ListServicesResponse.Service.Select(s => s.Name).Where(n => !IsInfrastructureService(n)).ToList();
        var files = new Dictionary<string, ByteString>(StringComparer.Ordinal);
        var wanted = new Queue<string>();
        foreach (var service in services)
        {
            var answer = await AskAsync(new V1.ServerReflectionRequest { FileContainingSymbol = service }).ConfigureAwait(false);
            CheckError(answer.ErrorResponse?.ErrorMessage, origin);
            Collect(answer.FileDescriptorResponse.FileDescriptorProto, files, wanted);
        }

        while (wanted.TryDequeue(out var name))
        {
            if (files.ContainsKey(name))
            {
                continue;
            }

            var answer = await AskAsync(new V1.ServerReflectionRequest { FileByFilename = name }).ConfigureAwait(false);
            CheckError(answer.ErrorResponse?.ErrorMessage, origin);
            Collect(answer.FileDescriptorResponse.FileDescriptorProto, files, wanted);
        }

        await call.RequestStream.CompleteAsync().ConfigureAwait(false);
        return Build(files, services, origin);
    }

    private static async Task<ProtoFiles> LoadV1AlphaAsync(GrpcChannel channel, string origin, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var client = new V1Alpha.ServerReflection.ServerReflectionClient(channel);
        using var call = client.ServerReflectionInfo(deadline: DateTime.UtcNow + timeout, cancellationToken: cancellationToken);
        async Task<V1Alpha.ServerReflectionResponse> AskAsync(V1Alpha.ServerReflectionRequest request)
        {
            await call.RequestStream.WriteAsync(request, cancellationToken).ConfigureAwait(false);
            if (!await call.ResponseStream.MoveNext(cancellationToken).ConfigureAwait(false))
            {
                throw new GrpcSourceException($"gRPC server reflection at {origin} ended the stream early.");
            }

            return call.ResponseStream.Current;
        }

        var listed = await AskAsync(new V1Alpha.ServerReflectionRequest { ListServices = "*" }).ConfigureAwait(false);
        CheckError(listed.ErrorResponse?.ErrorMessage, origin);
        var services = listed.ListServicesResponse.Service.Select(s => s.Name).Where(n => !IsInfrastructureService(n)).ToList();
        var files = new Dictionary<string, ByteString>(StringComparer.Ordinal);
        var wanted = new Queue<string>();
        foreach (var service in services)
        {
            var answer = await AskAsync(new V1Alpha.ServerReflectionRequest { FileContainingSymbol = service }).ConfigureAwait(false);
            CheckError(answer.ErrorResponse?.ErrorMessage, origin);
            Collect(answer.FileDescriptorResponse.FileDescriptorProto, files, wanted);
        }

        while (wanted.TryDequeue(out var name))
        {
            if (files.ContainsKey(name))
            {
                continue;
            }

            var answer = await AskAsync(new V1Alpha.ServerReflectionRequest { FileByFilename = name }).ConfigureAwait(false);
            CheckError(answer.ErrorResponse?.ErrorMessage, origin);
            Collect(answer.FileDescriptorResponse.FileDescriptorProto, files, wanted);
        }

        await call.RequestStream.CompleteAsync().ConfigureAwait(false);
        return Build(files, services, origin);
    }

    private static void CheckError(string? error, string origin)
    {
        if (!string.IsNullOrEmpty(error))
        {
            throw new GrpcSourceException($"gRPC server reflection at {origin} answered with an error: {error}");
        }
    }

    private static void Collect(IEnumerable<ByteString> protos, Dictionary<string, ByteString> files, Queue<string> wanted)
    {
        foreach (var bytes in protos)
        {
            var proto = Google.Protobuf.Reflection.FileDescriptorProto.Parser.ParseFrom(bytes);
            if (files.TryAdd(proto.Name, bytes))
            {
                foreach (var dependency in proto.Dependency)
                {
                    wanted.Enqueue(dependency);
                }
            }
        }
    }

    private static ProtoFiles Build(Dictionary<string, ByteString> files, List<string> services, string origin)
    {
        if (services.Count == 0)
        {
            throw new GrpcSourceException($"gRPC server reflection at {origin} lists no services besides reflection and health.");
        }

        return ProtoFiles.FromSerialized(files.Values, origin);
    }
}
