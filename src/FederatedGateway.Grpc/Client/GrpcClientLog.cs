using Grpc.Core;
using Microsoft.Extensions.Logging;

namespace FederatedGateway.Grpc.Client;

/// <summary>
/// What the gRPC client logs, structured: every failed call (subgraph, method, address, status code and message;
/// for a failure on the way there the transport's own words and the host and port), and sources whose descriptors
/// could not be had. Clients get the status without the address (see docs/operations.md, "What clients see").
/// </summary>
internal static partial class GrpcClientLog
{
    /// <summary>A failed call: Warning for failures of the service or the way there, Information for the service's answers about the request.</summary>
    public static void CallFailed(ILogger logger, string method, string subgraph, string url, RpcException ex)
    {
        var level = ex.StatusCode switch
        {
            StatusCode.NotFound or StatusCode.InvalidArgument or StatusCode.AlreadyExists or StatusCode.PermissionDenied
                or StatusCode.Unauthenticated or StatusCode.FailedPrecondition or StatusCode.OutOfRange or StatusCode.Aborted => LogLevel.Information,
            _ => LogLevel.Warning,
        };
        LogCallFailed(logger, level, method, subgraph, url, GrpcStatusCodes.Name(ex.StatusCode), Descriptors.GrpcFailureText.Describe(ex, url), ex.Status.DebugException is null ? null : ex);
    }

    [LoggerMessage(EventId = 301, EventName = "GrpcCallFailed", Message = "gRPC {Method} of subgraph \"{Subgraph}\" at {Url} failed with {StatusCode}: {StatusMessage}")]
    private static partial void LogCallFailed(ILogger logger, LogLevel level, string method, string subgraph, string url, string statusCode, string statusMessage, Exception? exception);

    [LoggerMessage(EventId = 302, EventName = "GrpcSourceUnavailable", Level = LogLevel.Warning, Message = "The service descriptors of gRPC subgraph \"{Subgraph}\" at {Url} could not be loaded: {Reason}")]
    public static partial void SourceUnavailable(ILogger logger, string subgraph, string url, string reason);
}
