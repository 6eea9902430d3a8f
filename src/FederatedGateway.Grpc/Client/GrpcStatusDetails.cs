using FederatedGateway.Core.Text;
using Google.Protobuf;
using Google.Rpc;
using Grpc.Core;

namespace FederatedGateway.Grpc.Client;

/// <summary>Reads the <c>google.rpc.Status</c> a server attached to an error (trailer <c>grpc-status-details-bin</c>).</summary>
internal static class GrpcStatusDetails
{
    private static readonly JsonFormatter s_formatter = new(
        JsonFormatter.Settings.Default.WithTypeRegistry(Google.Protobuf.Reflection.TypeRegistry.FromFiles(ErrorDetailsReflection.Descriptor)));

    /// <summary>The details as a JSON array (each an <c>Any</c> with <c>@type</c>), or null when there are none.</summary>
    public static string? ToJson(RpcException exception)
    {
        Google.Rpc.Status? status;
        try
        {
            status = exception.GetRpcStatus();
        }
        catch (InvalidProtocolBufferException)
        {
            return null;
        }

        if (status is null || status.Details.Count == 0)
        {
            return null;
        }

        var items = new List<string>(status.Details.Count);
        foreach (var detail in status.Details)
        {
            try
            {
                items.Add(s_formatter.Format(detail));
            }
            catch (InvalidOperationException)
            {
                // A detail type not in google/rpc/error_details.proto: keep its type and raw bytes.
                items.Add("{\"@type\":" + JsonText.Quote(detail.TypeUrl) + ",\"value\":\"" + detail.Value.ToBase64() + "\"}");
            }
        }

        return "[" + string.Join(",", items) + "]";
    }
}
