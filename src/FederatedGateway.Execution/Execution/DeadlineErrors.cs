using FederatedGateway.Core.Planning.Nodes;

namespace FederatedGateway.Execution.Execution;

/// <summary>Errors for work the whole-request deadline (<c>Gateway:RequestTimeout</c>) cut short.</summary>
internal static class DeadlineErrors
{
    public const string Code = "REQUEST_TIMEOUT";

    public const string RequestMessage = "The request did not finish within its time limit (RequestTimeout).";

    /// <summary>A fetch that had not answered (or not started) when the deadline passed: its fields are null.</summary>
    public static GatewayError FetchCutShort(FetchNode fetch, object[]? path) =>
        new($"The request's time limit (RequestTimeout) passed before the fetch from '{fetch.ServiceName}' finished.", path, Code, fetch.ServiceName);
}
