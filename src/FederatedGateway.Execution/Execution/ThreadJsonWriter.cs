using System.Buffers;
using System.Text.Json;

namespace FederatedGateway.Execution.Execution;

/// <summary>
/// One <see cref="Utf8JsonWriter"/> per thread for JSON the executor writes synchronously into a buffer of its own
/// (subgraph request bodies, entity representations), instead of a writer per use. Attach, write, detach, with no
/// other attach in between on the same thread; detached, the writer points at <see cref="Stream.Null"/> and keeps
/// no buffer alive.
/// </summary>
internal static class ThreadJsonWriter
{
    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    /// <summary>The thread's writer, reset to write into <paramref name="output"/>.</summary>
    public static Utf8JsonWriter Attach(IBufferWriter<byte> output)
    {
        var writer = t_writer ??= new Utf8JsonWriter(Stream.Null);
        writer.Reset(output);
        return writer;
    }

    /// <summary>Lets go of the buffer <see cref="Attach"/> gave the writer (what was not flushed is dropped).</summary>
    public static void Detach(Utf8JsonWriter writer) => writer.Reset(Stream.Null);
}
