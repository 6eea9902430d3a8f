using System.Diagnostics.Tracing;
using System.Text;
using System.Text.Json;
using FederatedGateway.Execution.Compilation;

namespace FederatedGateway.Execution.Tests.Compilation;

/// <summary>
/// Operation texts are encoded as JSON string literals piece by piece: the bytes are those of encoding the whole string
/// at once, whatever falls on a piece boundary, and a huge text rents no huge scratch array from the shared pool.
/// </summary>
public sealed class JsonStringLiteralTests
{
    public static TheoryData<string> Texts()
    {
        var chunk = JsonStringLiteral.ChunkLength;
        return new TheoryData<string>
        {
            string.Empty,
            "{dog{__typename id name}}",
            "query($a:String){x(a:\"quote \\\" back\\\\slash\\n\ttab\")}",
            // A surrogate pair straddling the first boundary, then an escape on it, then non-ASCII and controls.
            new string('a', chunk - 1) + "\U0001F600" + new string('b', chunk) + "\u0001é<>&'\u2028",
            new string('"', chunk) + "\\" + new string('\n', chunk + 3),
        };
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public void EncodesAsTheSerializerDoes(string text)
    {
        var literal = JsonStringLiteral.Encode(text);

        Assert.Equal(JsonSerializer.Serialize(text), Encoding.UTF8.GetString(literal));
        Assert.Equal(text, JsonSerializer.Deserialize<string>(literal));
    }

    [Fact]
    public void AHugeTextRentsNoHugeScratchArray()
    {
        var text = "{ trader(id: \"" + new string('x', 1_900_000) + "\") { name } }";
        using var rentals = new LargestRental();

        var literal = JsonStringLiteral.Encode(text);

        Assert.True(rentals.Largest <= 128 * 1024, $"rented {rentals.Largest} bytes");
        Assert.Equal(text, JsonSerializer.Deserialize<string>(literal));
    }

    private sealed class LargestRental : EventListener
    {
        private int _largest;

        public int Largest => Volatile.Read(ref _largest);

        protected override void OnEventSourceCreated(EventSource eventSource)
        {
            if (eventSource.Name == "System.Buffers.ArrayPoolEventSource")
            {
                EnableEvents(eventSource, EventLevel.Verbose);
            }
        }

        protected override void OnEventWritten(EventWrittenEventArgs eventData)
        {
            if (eventData.EventName == "BufferRented" && eventData.Payload is { Count: > 1 } payload && payload[1] is int size)
            {
                int seen;
                while (size > (seen = Volatile.Read(ref _largest)) && Interlocked.CompareExchange(ref _largest, size, seen) != seen)
                {
                }
            }
        }
    }
}
