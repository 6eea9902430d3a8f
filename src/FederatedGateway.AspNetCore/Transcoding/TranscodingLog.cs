using Microsoft.Extensions.Logging;

namespace FederatedGateway.AspNetCore.Transcoding;

internal static partial class TranscodingLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "The JSON/HTTP routes of gRPC subgraph {Subgraph} are not served: its descriptors cannot be had.")]
    public static partial void RoutesUnavailable(ILogger logger, string subgraph, Exception exception);
}
