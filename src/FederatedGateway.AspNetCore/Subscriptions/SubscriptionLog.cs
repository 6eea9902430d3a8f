using Microsoft.Extensions.Logging;

namespace FederatedGateway.AspNetCore.Subscriptions;

internal static partial class SubscriptionLog
{
    [LoggerMessage(101, LogLevel.Debug, "WebSocket closed with {Code}: {Reason}")]
    public static partial void Closing(ILogger logger, int code, string reason);

    [LoggerMessage(102, LogLevel.Error, "Unhandled exception while running a streamed GraphQL operation.")]
    public static partial void OperationFailed(ILogger logger, Exception exception);
}
