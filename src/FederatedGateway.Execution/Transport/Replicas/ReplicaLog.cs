using Microsoft.Extensions.Logging;

namespace FederatedGateway.Execution.Transport.Replicas;

internal static partial class ReplicaLog
{
    [LoggerMessage(231, LogLevel.Warning, "Replica {Url} of subgraph \"{Subgraph}\" ejected for {Seconds:0.###} s after {Failures} failures in a row")]
    public static partial void Ejected(ILogger logger, string subgraph, string url, int failures, double seconds);

    [LoggerMessage(232, LogLevel.Warning, "Replica {Url} of subgraph \"{Subgraph}\" kept in rotation after {Failures} failures in a row: it is the last one in rotation")]
    public static partial void KeptAsLast(ILogger logger, string subgraph, string url, int failures);

    [LoggerMessage(233, LogLevel.Information, "Replica {Url} of subgraph \"{Subgraph}\" back in rotation ({Reason})")]
    public static partial void Restored(ILogger logger, string subgraph, string url, string reason);

    [LoggerMessage(234, LogLevel.Warning, "Replica {Url} of subgraph \"{Subgraph}\" out of rotation: its health check failed ({Reason})")]
    public static partial void ProbeFailed(ILogger logger, string subgraph, string url, string reason);
}
