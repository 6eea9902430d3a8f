using Microsoft.Extensions.Logging;

namespace FederatedGateway.Grpc.Client;

/// <summary>What the gRPC client logs: failure detail kept from clients (addresses, transport exceptions).</summary>
internal static class GrpcClientLog
{
    private static readonly Action<ILogger, string, string, string, Exception?> s_callFailedLocally = LoggerMessage.Define<string, string, string>(
        LogLevel.Warning, new EventId(301, "GrpcCallFailedLocally"), "gRPC {Method} of subgraph \"{ServiceName}\" at {Url} did not complete.");

    private static readonly Action<ILogger, string, Exception?> s_sourceUnavailable = LoggerMessage.Define<string>(
        LogLevel.Warning, new EventId(302, "GrpcSourceUnavailable"), "The service descriptors of gRPC subgraph \"{ServiceName}\" could not be loaded.");

    public static void CallFailedLocally(ILogger logger, string method, string serviceName, string url, Exception exception) =>
        s_callFailedLocally(logger, method, serviceName, url, exception);

    public static void SourceUnavailable(ILogger logger, string serviceName, Exception exception) =>
        s_sourceUnavailable(logger, serviceName, exception);
}
