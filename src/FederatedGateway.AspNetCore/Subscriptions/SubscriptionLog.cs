using Microsoft.Extensions.Logging;

namespace FederatedGateway.AspNetCore.Subscriptions;

internal static partial class SubscriptionLog
{
    [LoggerMessage(101, LogLevel.Debug, "WebSocket closed with {Code}: {Reason}")]
    public static partial void Closing(ILogger logger, int code, string reason);

    [LoggerMessage(102, LogLevel.Error, "Unhandled exception while running a streamed GraphQL operation.")]
    public static partial void OperationFailed(ILogger logger, Exception exception);

    [LoggerMessage(120, LogLevel.Information, "Closing a WebSocket client that does not keep up (1008): {Reason}")]
    public static partial void SlowConsumerClosed(ILogger logger, string reason);

    [LoggerMessage(121, LogLevel.Information, "Dropped a WebSocket client that took no message for {Seconds} s (Gateway:Subscriptions:SendTimeout).")]
    public static partial void SlowConsumerDropped(ILogger logger, double seconds);
}
