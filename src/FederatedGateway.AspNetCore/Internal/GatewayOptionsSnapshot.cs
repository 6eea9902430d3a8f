namespace FederatedGateway.AspNetCore.Internal;

/// <summary>Settings read on every response, resolved once at start-up (compression).</summary>
internal sealed class GatewayOptionsSnapshot
{
    public GatewayOptionsSnapshot(GatewayOptions options) => Compression = options.Compression;

    public CompressionSettings Compression { get; }
}
