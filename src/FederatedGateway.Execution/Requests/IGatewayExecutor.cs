namespace FederatedGateway.Execution.Requests;

/// <summary>Runs one GraphQL request against the current schema snapshot.</summary>
public interface IGatewayExecutor
{
    ValueTask<GatewayResult> ExecuteAsync(GatewayRequest request, CancellationToken cancellationToken);

    /// <summary>True once a schema snapshot is loaded (readiness).</summary>
    bool IsReady { get; }
}
