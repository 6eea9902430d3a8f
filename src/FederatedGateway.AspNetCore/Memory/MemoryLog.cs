using Microsoft.Extensions.Logging;

namespace FederatedGateway.AspNetCore.Memory;

internal static partial class MemoryLog
{
    [LoggerMessage(301, LogLevel.Information, "Idle after a memory spike: an aggressive collection took the resident set from {Before} MB to {After} MB in {Milliseconds} ms.")]
    public static partial void Reclaimed(ILogger logger, long before, long after, long milliseconds);
}
