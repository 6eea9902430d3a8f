using FederatedGateway.Grpc.Descriptors;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FederatedGateway.Grpc.Sources;

/// <summary>
/// The descriptors last read from each reflection source, kept on disk as <c>&lt;folder&gt;/&lt;subgraph&gt;.pb</c>
/// (a <c>FileDescriptorSet</c>, the same format as <c>protoc --descriptor_set_out --include_imports</c>), so a
/// gateway that starts while the service is down still composes it. Writing is best effort: a folder that cannot
/// be written is logged, never a failure of the load.
/// </summary>
public sealed partial class DescriptorCache
{
    private readonly ILogger _logger;

    public DescriptorCache(string folder, ILogger? logger = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        Folder = Path.GetFullPath(folder);
        _logger = logger ?? NullLogger.Instance;
    }

    public string Folder { get; }

    /// <summary>The cache file of <paramref name="subgraph"/> (characters not allowed in file names become <c>_</c>).</summary>
    public string PathOf(string subgraph)
    {
        var invalid = Path.GetInvalidFileNameChars();
        var name = new string(subgraph.Select(c => invalid.Contains(c) || c == '.' ? '_' : c).ToArray());
        return Path.Combine(Folder, name + ".pb");
    }

    /// <summary>Keeps <paramref name="files"/> as the descriptors of <paramref name="subgraph"/> (replacing the file whole).</summary>
    public void Save(string subgraph, ProtoFiles files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var set = new FileDescriptorSet();
        set.File.AddRange(files.Files.Select(f => FileDescriptorProto.Parser.ParseFrom(f.SerializedData)));
        var path = PathOf(subgraph);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            Directory.CreateDirectory(Folder);
            File.WriteAllBytes(temporary, set.ToByteArray());
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            LogNotSaved(_logger, subgraph, path, ex.Message);
            TryDelete(temporary);
        }
    }

    /// <summary>The cached descriptors of <paramref name="subgraph"/>, or null when there are none (or they cannot be read, which is logged).</summary>
    public ProtoFiles? TryLoad(string subgraph)
    {
        var path = PathOf(subgraph);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return ProtoFiles.FromDescriptorSetFile(path);
        }
        catch (GrpcSourceException ex)
        {
            LogUnreadable(_logger, subgraph, ex.Message);
            return null;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Nothing was written there, or it cannot be removed either; the next save uses another name.
        }
    }

    [LoggerMessage(EventId = 311, Level = LogLevel.Warning, Message = "The descriptors of gRPC subgraph \"{Subgraph}\" could not be cached at {Path}: {Reason}")]
    private static partial void LogNotSaved(ILogger logger, string subgraph, string path, string reason);

    [LoggerMessage(EventId = 312, Level = LogLevel.Warning, Message = "The cached descriptors of gRPC subgraph \"{Subgraph}\" cannot be used: {Reason}")]
    private static partial void LogUnreadable(ILogger logger, string subgraph, string reason);
}
