using Microsoft.Extensions.Logging;

namespace FederatedGateway.AspNetCore.Internal;

internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Error, "Unhandled exception while executing a GraphQL request.")]
    public static partial void ExecutionFailed(ILogger logger, Exception exception);

    [LoggerMessage(2, LogLevel.Warning, "No IGatewayExecutor is registered: every GraphQL request is answered with GATEWAY_NOT_READY.")]
    public static partial void NoExecutorRegistered(ILogger logger);
}
