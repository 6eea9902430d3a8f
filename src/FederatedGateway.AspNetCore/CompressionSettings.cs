using System.IO.Compression;

namespace FederatedGateway.AspNetCore;

/// <summary>Response compression of GraphQL answers (configuration <c>Gateway:Compression</c>): brotli or gzip as the client accepts.</summary>
public sealed class CompressionSettings
{
    /// <summary>Compress responses when the client sends <c>Accept-Encoding: br</c> or <c>gzip</c>. Default on.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Smaller bodies are sent as they are. Default 1,024 bytes.</summary>
    public int MinimumSize { get; set; } = 1024;

    /// <summary>Compression level; <c>Fastest</c> keeps latency low. Default Fastest.</summary>
    public CompressionLevel Level { get; set; } = CompressionLevel.Fastest;
}
