using FederatedGateway.AspNetCore.Internal;

namespace FederatedGateway.AspNetCore.Tests.Memory;

/// <summary>Large response bodies reach the server in bounded pieces; ordinary ones in one write.</summary>
public sealed class LargeBodyWriterTests
{
    [Fact]
    public async Task An_ordinary_body_is_one_write()
    {
        var body = new RecordingStream();
        var content = Bytes(LargeBodyWriter.SingleWriteLimit);

        await LargeBodyWriter.WriteAsync(body, content);

        Assert.Equal([content.Length], body.Writes);
        Assert.Equal(content, body.ToArray());
    }

    [Fact]
    public async Task A_large_body_goes_out_in_pieces_and_arrives_whole()
    {
        var body = new RecordingStream();
        var content = Bytes((3 * LargeBodyWriter.SingleWriteLimit) + 123);

        await LargeBodyWriter.WriteAsync(body, content);

        Assert.True(body.Writes.Count > 1);
        Assert.All(body.Writes, size => Assert.InRange(size, 1, LargeBodyWriter.PieceSize));
        Assert.Equal(content, body.ToArray());
    }

    private static byte[] Bytes(int length)
    {
        var bytes = new byte[length];
        new Random(13).NextBytes(bytes);
        return bytes;
    }

    private sealed class RecordingStream : MemoryStream
    {
        public List<int> Writes { get; } = [];

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Writes.Add(buffer.Length);
            return base.WriteAsync(buffer, cancellationToken);
        }
    }
}
