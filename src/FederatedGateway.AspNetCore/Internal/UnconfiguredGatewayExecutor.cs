using System.Text;
using FederatedGateway.Execution.Requests;
using Microsoft.Extensions.Logging;

namespace FederatedGateway.AspNetCore.Internal;

/// <summary>
/// Stands in when no <see cref="IGatewayExecutor"/> was registered: never ready, answers every request with
/// GATEWAY_NOT_READY.
/// </summary>
internal sealed class UnconfiguredGatewayExecutor : IGatewayExecutor
{
    private static readonly GatewayResult NotReady = new(
        GatewayResultKind.RequestError,
        Encoding.UTF8.GetBytes(
            """{"errors":[{"message":"The gateway has no executor configured.","extensions":{"code":"GATEWAY_NOT_READY"}}]}"""));

    public UnconfiguredGatewayExecutor(ILogger<UnconfiguredGatewayExecutor> logger) => Log.NoExecutorRegistered(logger);

    public bool IsReady => false;

    public ValueTask<GatewayResult> ExecuteAsync(GatewayRequest request, CancellationToken cancellationToken) =>
        ValueTask.FromResult(NotReady);
}
