using Google.Protobuf;
using Google.Protobuf.Reflection;
using FederatedGateway.Grpc.Options;

namespace FederatedGateway.Grpc.Descriptors;

/// <summary>
/// A closed set of protobuf file descriptors (every dependency included), built with FederatedGateway's
/// option extensions registered so that <c>(fgw.entity)</c> and friends are readable. All three source kinds
/// (generated code, descriptor-set files, server reflection) end here.
/// </summary>
public sealed class ProtoFiles
{
    private static readonly ExtensionRegistry s_extensions = CreateRegistry();

    /// <summary>The fgw option extensions, for parsing descriptors whose options are to be read or changed.</summary>
    internal static ExtensionRegistry Extensions => s_extensions;

    private ProtoFiles(IReadOnlyList<FileDescriptor> files, string origin)
    {
        Files = files;
        Origin = origin;
    }

    /// <summary>The files, dependencies first.</summary>
    public IReadOnlyList<FileDescriptor> Files { get; }

    /// <summary>Where the descriptors came from (a path, a URL, an assembly), for messages.</summary>
    public string Origin { get; }

    /// <summary>
    /// Where <c>supergraph.yaml</c> gave an element its options (<c>file:line:column</c>), by full name: messages,
    /// fields (<c>package.Message.field</c>) and methods (<c>package.Service.Method</c>). Empty without a config overlay.
    /// </summary>
    public IReadOnlyDictionary<string, string> ConfigPlaces { get; private init; } = new Dictionary<string, string>();

    /// <summary>The same files, with the places the config gave options (see <see cref="ConfigPlaces"/>).</summary>
    internal ProtoFiles WithConfigPlaces(IReadOnlyDictionary<string, string> places) => new(Files, Origin) { ConfigPlaces = places };

    /// <summary>The services declared in the files, in file order.</summary>
    public IEnumerable<ServiceDescriptor> Services => Files.SelectMany(f => f.Services);

    /// <summary>Builds from serialized <c>FileDescriptorProto</c>s in any order; every dependency must be present.</summary>
    /// <exception cref="GrpcSourceException">A file is malformed or a dependency is missing.</exception>
    public static ProtoFiles FromSerialized(IEnumerable<ByteString> serializedFiles, string origin)
    {
        ArgumentNullException.ThrowIfNull(serializedFiles);
        var byName = new Dictionary<string, (FileDescriptorProto Proto, ByteString Bytes)>(StringComparer.Ordinal);
        foreach (var bytes in serializedFiles)
        {
            FileDescriptorProto proto;
            try
            {
                proto = FileDescriptorProto.Parser.ParseFrom(bytes);
            }
            catch (InvalidProtocolBufferException ex)
            {
                throw new GrpcSourceException($"{origin}: a file descriptor is not a valid FileDescriptorProto ({ex.Message}).", ex);
            }

            byName.TryAdd(proto.Name, (proto, bytes));
        }

        var ordered = new List<ByteString>(byName.Count);
        var state = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var name in byName.Keys.Order(StringComparer.Ordinal))
        {
            Visit(name, null);
        }

        IReadOnlyList<FileDescriptor> files;
        try
        {
            files = FileDescriptor.BuildFromByteStrings(ordered, s_extensions);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or InvalidProtocolBufferException or DescriptorValidationException)
        {
            throw new GrpcSourceException($"{origin}: the descriptors do not form a valid set ({ex.Message}).", ex);
        }

        return new ProtoFiles(files, origin);

        void Visit(string name, string? importedBy)
        {
            if (state.TryGetValue(name, out var done))
            {
                if (!done)
                {
                    throw new GrpcSourceException($"{origin}: \"{name}\" imports itself through a cycle.");
                }

                return;
            }

            if (!byName.TryGetValue(name, out var file))
            {
                throw new GrpcSourceException(
                    $"{origin}: \"{importedBy}\" imports \"{name}\", which is not in the descriptor set (build it with protoc --include_imports).");
            }

            state[name] = false;
            foreach (var dependency in file.Proto.Dependency)
            {
                Visit(dependency, name);
            }

            state[name] = true;
            ordered.Add(file.Bytes);
        }
    }

    /// <summary>Builds from Grpc.Tools-generated descriptors (e.g. <c>MarketReflection.Descriptor</c>) and their imports.</summary>
    public static ProtoFiles FromGenerated(IEnumerable<FileDescriptor> generated, string? origin = null)
    {
        ArgumentNullException.ThrowIfNull(generated);
        var all = new Dictionary<string, ByteString>(StringComparer.Ordinal);
        var pending = new Stack<FileDescriptor>(generated);
        while (pending.Count > 0)
        {
            var file = pending.Pop();
            if (all.TryAdd(file.Name, file.SerializedData))
            {
                foreach (var dependency in file.Dependencies)
                {
                    pending.Push(dependency);
                }
            }
        }

        return FromSerialized(all.Values, origin ?? "generated code");
    }

    /// <summary>Reads a <c>FileDescriptorSet</c> written by <c>protoc --descriptor_set_out=… --include_imports</c>.</summary>
    public static ProtoFiles FromDescriptorSet(ReadOnlySpan<byte> descriptorSet, string origin)
    {
        FileDescriptorSet set;
        try
        {
            set = FileDescriptorSet.Parser.ParseFrom(descriptorSet);
        }
        catch (InvalidProtocolBufferException ex)
        {
            throw new GrpcSourceException($"{origin} is not a protobuf FileDescriptorSet ({ex.Message}).", ex);
        }

        if (set.File.Count == 0)
        {
            throw new GrpcSourceException($"{origin} holds no file descriptors.");
        }

        return FromSerialized(set.File.Select(f => f.ToByteString()), origin);
    }

    /// <summary>Reads a descriptor-set file.</summary>
    public static ProtoFiles FromDescriptorSetFile(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new GrpcSourceException($"Cannot read the descriptor set \"{path}\": {ex.Message}", ex);
        }

        return FromDescriptorSet(bytes, path);
    }

    private static ExtensionRegistry CreateRegistry() =>
    [
        OptionsExtensions.Entity,
        OptionsExtensions.Message,
        OptionsExtensions.Field,
        OptionsExtensions.Method,
        OptionsExtensions.EnumValue,
        Google.Api.AnnotationsExtensions.Http,
    ];
}
