using Microsoft.Extensions.Logging;

namespace FederatedGateway.AspNetCore.Usage;

internal static partial class UsageLog
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Warning, Message = "Usage analytics could not write to its store ({Pending} intervals waiting); it tries again at the next flush.")]
    public static partial void WriteFailed(ILogger logger, int pending, Exception exception);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Error, Message = "Usage analytics dropped the interval from {Start:o} ({Requests} requests): the store has been unwritable for {Pending} intervals.")]
    public static partial void Dropped(ILogger logger, DateTimeOffset start, long requests, int pending);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Warning, Message = "Usage analytics could not prepare its store; it tries again at the next flush.")]
    public static partial void InitializeFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Information, Message = "Usage analytics removed {Rows} rows older than {Cutoff:o}.")]
    public static partial void Retained(ILogger logger, long rows, DateTimeOffset cutoff);
}
