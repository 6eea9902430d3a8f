using Microsoft.Extensions.Logging;

namespace FederatedGateway.Execution.Execution;

/// <summary>What the executor logs: detail kept from clients (see <see cref="SubgraphErrorPolicy"/>).</summary>
internal static partial class ExecutionLog
{
    [LoggerMessage(201, LogLevel.Warning, "Subgraph \"{ServiceName}\" answered {Count} error(s), hidden from the client: {Errors}")]
    public static partial void SubgraphErrorsHidden(ILogger logger, string serviceName, int count, string errors);

    [LoggerMessage(202, LogLevel.Warning, "Fetch from subgraph \"{ServiceName}\" failed ({Code}): {Failure}")]
    public static partial void FetchFailed(ILogger logger, string serviceName, string? failure, string? code, Exception? cause);

    [LoggerMessage(203, LogLevel.Warning, "The client of subgraph \"{ServiceName}\" threw instead of reporting a failure.")]
    public static partial void ClientThrew(ILogger logger, string serviceName, Exception exception);
}
