namespace FederatedGateway.AspNetCore;

/// <summary>
/// Process-wide runtime settings a gateway executable applies first thing in <c>Main</c>. The runtime reads each
/// from the environment once, when the component is first used, so <see cref="ApplyProcessDefaults"/> must run
/// before anything else; a value already in the environment always wins (set it to override a default here).
/// </summary>
public static class GatewayRuntime
{
    /// <summary>The per-partition array count of <see cref="System.Buffers.ArrayPool{T}.Shared"/> unless the environment sets one.</summary>
    public const int SharedPoolArraysPerPartition = 256;

    /// <summary>Read by the shared array pool.</summary>
    public const string ArraysPerPartitionVariable = "DOTNET_SYSTEM_BUFFERS_SHAREDARRAYPOOL_MAXARRAYSPERPARTITION";

    /// <summary>Read by System.Net.Sockets on Linux and macOS.</summary>
    public const string InlineSocketCompletionsVariable = "DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS";

    /// <summary>
    /// Applies both defaults:
    /// <list type="bullet">
    /// <item>Shared array pool room for the large buffers of the requests in flight. Each request holds a few
    /// 128 KB arrays until its response is written (subgraph bodies, their parsed metadata, the response body); the
    /// pool keeps 32 per size and core by default, so 50 concurrent requests on one core overflowed it, and every
    /// overflow was a fresh large-object-heap array, hence gen2 collections (13 per 5 s under the benchmark load, 0
    /// with 256; peak RSS 171 MB before, 139 MB after).</item>
    /// <item>Socket completions run inline on the socket event thread instead of being queued to the thread pool:
    /// a request makes eight socket exchanges (the client's and seven subgraph fetches), and each queued completion
    /// was a thread hop. Measured on one core under the benchmark load, 10 s windows: 512-584 RPS queued (4 windows),
    /// 563-787 inline (8 windows in two runs). The
    /// request path never blocks a thread (all I/O is asynchronous), which is what inline completions require.</item>
    /// </list>
    /// </summary>
    public static void ApplyProcessDefaults()
    {
        SetUnlessPresent(ArraysPerPartitionVariable, SharedPoolArraysPerPartition.ToString(System.Globalization.CultureInfo.InvariantCulture));
        SetUnlessPresent(InlineSocketCompletionsVariable, "1");
    }

    private static void SetUnlessPresent(string variable, string value)
    {
        if (Environment.GetEnvironmentVariable(variable) is null)
        {
            Environment.SetEnvironmentVariable(variable, value);
        }
    }
}
