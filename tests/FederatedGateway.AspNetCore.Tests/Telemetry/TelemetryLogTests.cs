using FederatedGateway.Execution.Transport;
using Microsoft.Extensions.Logging;

namespace FederatedGateway.AspNetCore.Tests.Telemetry;

/// <summary>The log lines of failing subgraphs and rejected requests, from a real gateway.</summary>
[Collection(TelemetryCollection.Name)]
public sealed class TelemetryLogTests
{
    [Fact]
    public async Task Many_failures_of_one_subgraph_log_one_warning_naming_subgraph_code_and_operation_and_a_rejection_one_debug_line()
    {
        await using var gateway = await TelemetryGateway.StartAsync(new() { ["Gateway:Telemetry:TracingEnabled"] = "true" });
        gateway.ForwardFails = true;

        for (var i = 0; i < 5; i++)
        {
            await gateway.PostAsync("query FxForwardDown { forwardPoints }");
        }

        await gateway.PostAsync("query FxBad { nope }", "FxBad");

        var warnings = gateway.Logs.AtLeast(LogLevel.Warning).Where(e => e.Message.Contains("subgraph \"forward\"", StringComparison.Ordinal)).ToList();
        var warning = Assert.Single(warnings);
        Assert.Contains(SubgraphFailureCodes.HttpError, warning.Message, StringComparison.Ordinal);
        Assert.Contains("operation FxForwardDown", warning.Message, StringComparison.Ordinal);
        Assert.Matches("trace [0-9a-f]{32}", warning.Message);

        var rejected = Assert.Single(gateway.Logs.Entries, e => e.Level == LogLevel.Debug && e.Message.StartsWith("Request rejected", StringComparison.Ordinal));
        Assert.Contains("GRAPHQL_VALIDATION_FAILED", rejected.Message, StringComparison.Ordinal);
        Assert.Contains("operation FxBad", rejected.Message, StringComparison.Ordinal);
    }
}
