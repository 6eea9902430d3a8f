using FederatedGateway.Grpc.Descriptors.Reflection;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Grpc.Net.Client;

namespace FederatedGateway.Grpc.Descriptors;

/// <summary>
/// Reads a running service's descriptors through gRPC server reflection (<c>grpc.reflection.v1</c>, falling back
/// to <c>v1alpha</c> when the server only has the older one): lists the services, asks for the file of each, then
/// for every import that was not sent along and, for servers that send files without dependency lists, for the
/// files declaring the type names still unknown (<see cref="ProtoFileLinker"/>). The well-known types come from
/// Google.Protobuf when the server does not send them.
/// </summary>
public static class ReflectionDescriptorSource
{
    /// <summary>How many questions one load may ask, against a server that keeps sending files that need more.</summary>
    private const int MaxQuestions = 2000;

    /// <summary>Services every reflection-enabled server lists that are never part of the graph.</summary>
    public static bool IsInfrastructureService(string fullName) =>
        fullName.StartsWith("grpc.reflection.", StringComparison.Ordinal)
        || fullName.StartsWith("grpc.health.", StringComparison.Ordinal)
        || fullName.StartsWith("grpc.channelz.", StringComparison.Ordinal);

    /// <exception cref="GrpcSourceException">The server cannot be reached or has no usable reflection service.</exception>
    public static async Task<ProtoFiles> LoadAsync(GrpcChannel channel, string origin, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(channel);
        var deadline = DateTime.UtcNow + timeout;
        try
        {
            await using var v1 = new ReflectionConversation(channel, ReflectionConversation.V1Service, deadline, cancellationToken);
            return await ReadAsync(v1, origin).ConfigureAwait(false);
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.Unimplemented)
        {
            try
            {
                await using var v1Alpha = new ReflectionConversation(channel, ReflectionConversation.V1AlphaService, deadline, cancellationToken);
                return await ReadAsync(v1Alpha, origin).ConfigureAwait(false);
            }
            catch (RpcException inner)
            {
                throw ReflectionFailure.FromStatus(origin, inner, timeout);
            }
        }
        catch (RpcException ex)
        {
            throw ReflectionFailure.FromStatus(origin, ex, timeout);
        }
    }

    /// <summary>Opens a channel to <paramref name="url"/> (<c>grpc://</c>, <c>grpcs://</c>, <c>http://</c>, <c>https://</c>) and loads.</summary>
    public static async Task<ProtoFiles> LoadAsync(string url, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        using var channel = GrpcChannel.ForAddress(GrpcAddress.ToHttpAddress(url));
        return await LoadAsync(channel, url, timeout, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<ProtoFiles> ReadAsync(ReflectionConversation conversation, string origin)
    {
        var questions = 0;
        async Task<ReflectionAnswer> AskAsync(Func<Task<ReflectionAnswer?>> ask)
        {
            if (++questions > MaxQuestions)
            {
                throw ReflectionFailure.Refused(origin, conversation.Service, $"more than {MaxQuestions} questions did not give a closed set of files");
            }

            return await ask().ConfigureAwait(false) ?? throw ReflectionFailure.Refused(origin, conversation.Service, "the server ended the stream early");
        }

        var listed = await AskAsync(conversation.ListServicesAsync).ConfigureAwait(false);
        if (listed.IsError)
        {
            throw ReflectionFailure.Refused(origin, conversation.Service, $"listing the services answered \"{listed.ErrorMessage}\"");
        }

        var services = listed.Services.Where(n => !IsInfrastructureService(n)).ToList();
        if (services.Count == 0)
        {
            throw ReflectionFailure.Refused(origin, conversation.Service, "it lists no services besides reflection and health");
        }

        var linker = new ProtoFileLinker();
        foreach (var service in services)
        {
            var answer = await AskAsync(() => conversation.FileContainingSymbolAsync(service)).ConfigureAwait(false);
            if (answer.IsError)
            {
                throw ReflectionFailure.Refused(origin, conversation.Service, $"the file of service {service} was answered with \"{answer.ErrorMessage}\"");
            }

            AddAll(linker, answer.Files, origin);
        }

        // Until nothing new arrives: imports by file name, then type names by symbol (the innermost meaning first).
        var asked = new HashSet<string>(StringComparer.Ordinal);
        for (var before = -1; before != linker.Count;)
        {
            before = linker.Count;
            foreach (var name in linker.MissingImports().Where(n => asked.Add("file:" + n)))
            {
                var answer = await AskAsync(() => conversation.FileByFilenameAsync(name)).ConfigureAwait(false);
                AddAll(linker, answer.Files, origin);
            }

            foreach (var reference in linker.Unresolved())
            {
                foreach (var candidate in ProtoSymbols.Candidates(reference).Where(c => asked.Add("symbol:" + c)))
                {
                    var answer = await AskAsync(() => conversation.FileContainingSymbolAsync(candidate)).ConfigureAwait(false);
                    if (!answer.IsError)
                    {
                        AddAll(linker, answer.Files, origin);
                        break;
                    }
                }
            }
        }

        return ProtoFiles.FromSerialized(linker.Link(services), origin);
    }

    private static void AddAll(ProtoFileLinker linker, IEnumerable<ByteString> files, string origin)
    {
        foreach (var bytes in files)
        {
            try
            {
                linker.Add(FileDescriptorProto.Parser.ParseFrom(bytes));
            }
            catch (InvalidProtocolBufferException ex)
            {
                throw new GrpcSourceException($"gRPC server reflection at {origin} sent a file descriptor that is not a valid FileDescriptorProto ({ex.Message}).", ex);
            }
        }
    }
}
