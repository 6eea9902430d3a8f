using Grpc.Core;

namespace FederatedGateway.Grpc.Client;

/// <summary>gRPC status codes by their canonical names (<c>DEADLINE_EXCEEDED</c>), used as <c>extensions.code</c>.</summary>
public static class GrpcStatusCodes
{
    public static string Name(StatusCode code) => code switch
    {
        StatusCode.OK => "OK",
        StatusCode.Cancelled => "CANCELLED",
        StatusCode.Unknown => "UNKNOWN",
        StatusCode.InvalidArgument => "INVALID_ARGUMENT",
        StatusCode.DeadlineExceeded => "DEADLINE_EXCEEDED",
        StatusCode.NotFound => "NOT_FOUND",
        StatusCode.AlreadyExists => "ALREADY_EXISTS",
        StatusCode.PermissionDenied => "PERMISSION_DENIED",
        StatusCode.ResourceExhausted => "RESOURCE_EXHAUSTED",
        StatusCode.FailedPrecondition => "FAILED_PRECONDITION",
        StatusCode.Aborted => "ABORTED",
        StatusCode.OutOfRange => "OUT_OF_RANGE",
        StatusCode.Unimplemented => "UNIMPLEMENTED",
        StatusCode.Internal => "INTERNAL",
        StatusCode.Unavailable => "UNAVAILABLE",
        StatusCode.DataLoss => "DATA_LOSS",
        StatusCode.Unauthenticated => "UNAUTHENTICATED",
        _ => "UNKNOWN",
    };

    /// <summary>The code of an answer that does not decode against the descriptors.</summary>
    public const string MalformedResponse = "INTERNAL";

    /// <summary>The code of an argument or representation that does not encode against the descriptors.</summary>
    public const string BadUserInput = "BAD_USER_INPUT";

    /// <summary>The code of a fetch the gRPC source cannot answer (its descriptors or the operation).</summary>
    public const string PlanFailed = "GRPC_PLAN_FAILED";
}
