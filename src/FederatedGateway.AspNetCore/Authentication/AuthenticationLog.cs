using Microsoft.Extensions.Logging;

namespace FederatedGateway.AspNetCore.Authentication;

internal static partial class AuthenticationLog
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Debug, Message = "Request refused: {Reason}")]
    public static partial void Refused(ILogger logger, string reason, Exception? failure);
}
