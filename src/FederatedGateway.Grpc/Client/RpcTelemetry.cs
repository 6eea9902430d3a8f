using System.Diagnostics;
using FederatedGateway.Execution.Telemetry;
using Grpc.Core;

namespace FederatedGateway.Grpc.Client;

/// <summary>
/// A span per gRPC call of a fetch (under the fetch's span), named <c>{service}/{method}</c> with OpenTelemetry's
/// <c>rpc.*</c> attributes and the call's status. None when nothing listens.
/// </summary>
internal static class RpcTelemetry
{
    public static Activity? Start(IMethod method)
    {
        if (!GatewayTelemetry.Source.HasListeners())
        {
            return null;
        }

        var activity = GatewayTelemetry.Source.StartActivity(method.FullName.TrimStart('/'), ActivityKind.Client);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("rpc.system", "grpc");
            activity.SetTag("rpc.service", method.ServiceName);
            activity.SetTag("rpc.method", method.Name);
        }

        return activity;
    }

    public static void Complete(Activity? activity, StatusCode status)
    {
        if (activity is not { IsAllDataRequested: true })
        {
            return;
        }

        activity.SetTag("rpc.grpc.status_code", (int)status);
        if (status != StatusCode.OK)
        {
            activity.SetStatus(ActivityStatusCode.Error, status.ToString());
            activity.SetTag("error.type", status.ToString());
        }
    }
}
