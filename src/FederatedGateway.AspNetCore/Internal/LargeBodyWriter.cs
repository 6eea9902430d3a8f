namespace FederatedGateway.AspNetCore.Internal;

/// <summary>
/// Writes a large response body in pieces, each flushed before the next: Kestrel copies whatever one write gives it
/// into its own pool of 4 KB blocks before sending, so a 70 MB body written at once took 70 MB more per response,
/// and the pool keeps its blocks (it gives back 5% every 10 s when idle). In pieces, a connection holds one piece at
/// a time. Bodies up to <see cref="SingleWriteLimit"/> (every ordinary response) still go out in one write.
/// </summary>
internal static class LargeBodyWriter
{
    /// <summary>The largest body written at once.</summary>
    public const int SingleWriteLimit = 1024 * 1024;

    /// <summary>The size of each piece of a larger body.</summary>
    public const int PieceSize = 256 * 1024;

    public static ValueTask WriteAsync(Stream body, ReadOnlyMemory<byte> content) =>
        content.Length <= SingleWriteLimit ? body.WriteAsync(content) : new ValueTask(WritePiecesAsync(body, content));

    private static async Task WritePiecesAsync(Stream body, ReadOnlyMemory<byte> content)
    {
        for (var offset = 0; offset < content.Length; offset += PieceSize)
        {
            await body.WriteAsync(content.Slice(offset, Math.Min(PieceSize, content.Length - offset))).ConfigureAwait(false);
        }
    }
}
