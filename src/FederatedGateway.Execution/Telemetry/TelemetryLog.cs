using Microsoft.Extensions.Logging;

namespace FederatedGateway.Execution.Telemetry;

/// <summary>What the gateway logs about its traffic. Never the client's variables or document.</summary>
internal static partial class TelemetryLog
{
    [LoggerMessage(1801, LogLevel.Warning,
        "Fetch from subgraph \"{Subgraph}\" failed with {Code} (operation {OperationName}, trace {TraceId}); {Suppressed} similar failure(s) not logged since the last one")]
    public static partial void SubgraphFailed(ILogger logger, string subgraph, string code, string? operationName, string? traceId, long suppressed, Exception? cause);

    [LoggerMessage(1802, LogLevel.Debug, "Request rejected with {Code} (operation {OperationName}, client {ClientName}, trace {TraceId})")]
    public static partial void RequestRejected(ILogger logger, string code, string? operationName, string? clientName, string? traceId);
}
