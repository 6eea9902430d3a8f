using Microsoft.Extensions.Logging;

namespace FederatedGateway.Execution.PersistedDocuments;

internal static partial class PersistedDocumentsLog
{
    [LoggerMessage(EventId = 2101, Level = LogLevel.Warning, Message = "Operation {OperationName} (sha256 {Hash}) is not in the trusted document list; it runs because Gateway:PersistedDocuments:Mode is AllowAndLog")]
    public static partial void NotInList(ILogger logger, string? operationName, string hash);
}
