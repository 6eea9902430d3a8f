using FederatedGateway.AspNetCore;

namespace FederatedGateway.AspNetCore.Tests;

/// <summary>The process defaults the gateway executable sets before the runtime reads them.</summary>
[Collection(nameof(GatewayRuntimeTests))]
public sealed class GatewayRuntimeTests
{
    private static readonly string[] Variables = [GatewayRuntime.ArraysPerPartitionVariable, GatewayRuntime.InlineSocketCompletionsVariable];

    [Fact]
    public void AbsentVariablesGetTheGatewayDefaults()
    {
        WithVariables(null, null, () =>
        {
            GatewayRuntime.ApplyProcessDefaults();
            Assert.Equal("256", Environment.GetEnvironmentVariable(GatewayRuntime.ArraysPerPartitionVariable));
            Assert.Equal("1", Environment.GetEnvironmentVariable(GatewayRuntime.InlineSocketCompletionsVariable));
        });
    }

    [Fact]
    public void ValuesAlreadyInTheEnvironmentWin()
    {
        WithVariables("64", "0", () =>
        {
            GatewayRuntime.ApplyProcessDefaults();
            Assert.Equal("64", Environment.GetEnvironmentVariable(GatewayRuntime.ArraysPerPartitionVariable));
            Assert.Equal("0", Environment.GetEnvironmentVariable(GatewayRuntime.InlineSocketCompletionsVariable));
        });
    }

    private static void WithVariables(string? arrays, string? inline, Action test)
    {
        var saved = Variables.Select(Environment.GetEnvironmentVariable).ToArray();
        try
        {
            Environment.SetEnvironmentVariable(Variables[0], arrays);
            Environment.SetEnvironmentVariable(Variables[1], inline);
            test();
        }
        finally
        {
            for (var i = 0; i < Variables.Length; i++)
            {
                Environment.SetEnvironmentVariable(Variables[i], saved[i]);
            }
        }
    }
}
