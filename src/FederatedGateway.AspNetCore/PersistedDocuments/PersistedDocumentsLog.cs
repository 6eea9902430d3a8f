using Microsoft.Extensions.Logging;

namespace FederatedGateway.AspNetCore.PersistedDocuments;

internal static partial class PersistedDocumentsLog
{
    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "The APQ store in Redis failed to {Operation}; going on without it")]
    public static partial void RedisFailed(ILogger logger, string operation, Exception exception);
}
