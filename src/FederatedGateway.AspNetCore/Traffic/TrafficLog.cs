using Microsoft.Extensions.Logging;

namespace FederatedGateway.AspNetCore.Traffic;

internal static partial class TrafficLog
{
    [LoggerMessage(EventId = 4201, Level = LogLevel.Warning, Message = "Rate limit {Limit}: Redis failed, this replica decides with its local limit until Redis answers again")]
    public static partial void RedisFallback(ILogger logger, string limit, Exception exception);

    [LoggerMessage(EventId = 4202, Level = LogLevel.Warning, Message = "Rate limit {Limit}: Redis is not connected, this replica decides with its local limit until Redis is back")]
    public static partial void RedisDisconnected(ILogger logger, string limit);
}
