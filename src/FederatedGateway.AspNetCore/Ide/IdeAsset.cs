namespace FederatedGateway.AspNetCore.Ide;

/// <summary>One built IDE file, with its brotli copy when the build made one.</summary>
internal sealed record IdeAsset(string Name, string ContentType, byte[] Content, byte[]? Brotli, string ETag);
