using System.Buffers;
using FederatedGateway.Execution.Execution;
using FederatedGateway.Execution.Transport;

namespace FederatedGateway.Execution.Tests;

/// <summary>Small buffers are pooled; large ones are plain arrays the GC takes back, and reading into them is exact.</summary>
public sealed class PooledArraysTests
{
    [Fact]
    public void Small_arrays_come_from_the_shared_pool_and_go_back_to_it()
    {
        var array = PooledArrays.Rent(100_000);
        Assert.Equal(128 * 1024, array.Length); // the pool's bucket size
        PooledArrays.Return(array);

        // Returned to this thread's slot of the shared pool, the next rent of that size gets it back.
        Assert.Same(array, ArrayPool<byte>.Shared.Rent(100_000));
    }

    [Fact]
    public void A_buffer_writer_rents_its_array_when_first_written_not_when_made()
    {
        var array = PooledArrays.Rent(100_000);
        PooledArrays.Return(array);

        using var writer = new PooledBufferWriter(100_000);

        // The writer took nothing: this thread's pooled array is still there for the next rent.
        var next = ArrayPool<byte>.Shared.Rent(100_000);
        Assert.Same(array, next);
        ArrayPool<byte>.Shared.Return(next);

        // The first write rents the initial capacity at once, not a small array grown by doubling.
        writer.GetSpan(1)[0] = 42;
        writer.Advance(1);
        Assert.True(writer.GetMemory(1).Length >= 100_000 - 1);
        Assert.Equal(new byte[] { 42 }, writer.WrittenSpan.ToArray());
    }

    [Fact]
    public void Large_arrays_are_exact_allocations_that_are_not_pooled()
    {
        var size = PooledArrays.MaxPooledLength + 1;
        var array = PooledArrays.Rent(size);
        Assert.Equal(size, array.Length);

        PooledArrays.Return(array);

        Assert.NotSame(array, PooledArrays.Rent(size));
    }

    [Fact]
    public void Arrays_the_shared_pool_made_larger_than_the_limit_are_dropped_too()
    {
        var pooled = ArrayPool<byte>.Shared.Rent(4 * PooledArrays.MaxPooledLength);

        PooledArrays.Return(pooled);

        Assert.NotSame(pooled, ArrayPool<byte>.Shared.Rent(4 * PooledArrays.MaxPooledLength));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_large_body_is_read_whole_through_the_staging_buffer(bool declaresLength)
    {
        var body = new byte[(3 * PooledArrays.MaxPooledLength) + 17];
        new Random(7).NextBytes(body);
        using var stream = new TricklingStream(body, 10_000);

        var (buffer, length) = await PooledBodyReader.ReadAsync(stream, declaresLength ? body.Length : null, 8 * PooledArrays.MaxPooledLength, CancellationToken.None);

        Assert.NotNull(buffer);
        Assert.Equal(body, buffer.AsSpan(0, length).ToArray());
        // The stream never sees the unpooled buffer (a socket would keep a reference to it): only pooled arrays.
        Assert.All(stream.ReadSizes, size => Assert.InRange(size, 1, PooledArrays.MaxPooledLength));
        Assert.Contains(PooledBodyReader.StagingSize, stream.ReadSizes);
    }

    [Fact]
    public async Task A_body_over_the_limit_stops_being_read()
    {
        var body = new byte[4 * PooledArrays.MaxPooledLength];
        using var stream = new TricklingStream(body, 64 * 1024);

        var (buffer, length) = await PooledBodyReader.ReadAsync(stream, null, 2 * PooledArrays.MaxPooledLength, CancellationToken.None);

        Assert.Null(buffer);
        Assert.Equal(-1, length);
        Assert.True(stream.Position <= (2 * PooledArrays.MaxPooledLength) + (64 * 1024), $"read {stream.Position} bytes of a body over the limit");
    }

    [Fact]
    public async Task One_huge_response_does_not_make_later_requests_of_the_operation_reserve_that_much()
    {
        var name = new string('x', 3 * PooledArrays.MaxPooledLength);
        var snapshot = FederatedGateway.Execution.Gateway.GatewaySnapshot.Build(TestGraph.Sdl, new FakeSubgraphs().On("a", "{\"data\":{\"dog\":{\"name\":\"" + name + "\"}}}"));
        var gateway = new FederatedGateway.Execution.Gateway.FederatedGatewayExecutor(snapshot);

        using (var result = await gateway.ExecuteAsync(new Requests.GatewayRequest { Query = "{ dog { name } }" }, CancellationToken.None))
        {
            Assert.True(result.Body.Length > name.Length);
        }

        var prepared = await snapshot.Preparer.PrepareAsync("{ dog { name } }", null, default, CancellationToken.None);
        Assert.InRange(snapshot.Executor.Compile(prepared.Operation!).ResponseSizeHint, 256, PooledArrays.MaxPooledLength);
    }

    /// <summary>Gives at most <c>chunk</c> bytes per read and records how much room each read offered.</summary>
    private sealed class TricklingStream(byte[] content, int chunk) : MemoryStream(content)
    {
        public List<int> ReadSizes { get; } = [];

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            ReadSizes.Add(buffer.Length);
            return base.ReadAsync(buffer[..Math.Min(buffer.Length, chunk)], cancellationToken);
        }
    }
}
