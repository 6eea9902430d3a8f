using Grpc.Core;

namespace FederatedGateway.Grpc.Descriptors;

/// <summary>
/// A failed call's status in words for the gateway's log and startup messages, never for clients: the code, the
/// detail and, for a status the client made itself (no connection, a broken stream), the address dialled and the
/// transport's own words, which grpc-dotnet keeps in the status's debug exception (its detail alone is
/// "Error connecting to subchannel.").
/// </summary>
public static class GrpcFailureText
{
    /// <param name="address">The URL dialled (<c>grpc://host:port</c>), named when the failure happened on the way there.</param>
    public static string Describe(RpcException ex, string address)
    {
        ArgumentNullException.ThrowIfNull(ex);
        var code = Client.GrpcStatusCodes.Name(ex.StatusCode);
        var detail = string.IsNullOrEmpty(ex.Status.Detail) ? "" : " " + ex.Status.Detail.TrimEnd('.');
        if (ex.Status.DebugException is not { } local)
        {
            return code + detail;
        }

        var innermost = local;
        while (innermost.InnerException is not null)
        {
            innermost = innermost.InnerException;
        }

        var hostPort = Uri.TryCreate(address, UriKind.Absolute, out var uri) ? uri.Authority : address;
        return $"{code}{detail} (to {hostPort}: {innermost.Message.TrimEnd('.')})";
    }
}
