using System.Globalization;
using Grpc.Core;

namespace FederatedGateway.Grpc.Descriptors.Reflection;

/// <summary>
/// The messages of a reflection load that failed: they name the address asked and say what the server did, and
/// point at the alternative that needs no running server (a descriptor set).
/// </summary>
internal static class ReflectionFailure
{
    public const string DescriptorSetHint =
        "Start the service with server reflection on, or describe it with a descriptor set instead (descriptor_set: <file>, written by protoc --descriptor_set_out=<file> --include_imports).";

    /// <summary>The call failed: no connection, no reflection service, a deadline.</summary>
    public static GrpcSourceException FromStatus(string origin, RpcException ex, TimeSpan timeout)
    {
        var what = ex.StatusCode switch
        {
            StatusCode.Unimplemented => $"the server has no reflection service (neither {ReflectionConversation.V1Service} nor {ReflectionConversation.V1AlphaService})",
            StatusCode.DeadlineExceeded => string.Create(CultureInfo.InvariantCulture, $"it did not answer within {timeout.TotalSeconds:0.#} s"),
            _ => GrpcFailureText.Describe(ex, origin),
        };
        return new GrpcSourceException($"gRPC server reflection at {origin} failed: {what}. {DescriptorSetHint}", ex);
    }

    /// <summary>The server answered, but not with what reflection needs.</summary>
    public static GrpcSourceException Refused(string origin, string service, string what) =>
        new($"gRPC server reflection at {origin} ({service}) cannot be used: {what}. {DescriptorSetHint}");
}
