using FederatedGateway.FunctionalTests.Infrastructure;
using FederatedGateway.Testing.Processes;
using Xunit.Abstractions;

namespace FederatedGateway.FunctionalTests.Demo;

/// <summary>
/// <c>FederatedGateway.Demo</c> on a port another process holds: one <c>error:</c> line naming the port and the option
/// that moves it, exit code 1, no stack trace and no "Hosting failed to start" log.
/// </summary>
public sealed class DemoPortInUseTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("accounts subgraph", "--subgraph-ports <accounts,portfolio,orders[,marketdata,risk[,settlement,fx]]>")]
    [InlineData("risk gRPC service", "--subgraph-ports <accounts,portfolio,orders[,marketdata,risk[,settlement,fx]]>")]
    [InlineData("fx SOAP service", "--subgraph-ports <accounts,portfolio,orders[,marketdata,risk[,settlement,fx]]>")]
    [InlineData("gateway", "--urls http://127.0.0.1:<port>")]
    public async Task Exits_with_one_line_naming_the_port_and_the_option(string holder, string option)
    {
        using var held = LoopbackPorts.Held();
        var port = LoopbackPorts.PortOf(held);
        string[] ports = holder switch
        {
            "accounts subgraph" => ["--subgraph-ports", $"{port},0,0", "--urls", "http://127.0.0.1:0"],
            "risk gRPC service" => ["--subgraph-ports", $"0,0,0,0,{port}", "--urls", "http://127.0.0.1:0"],
            "fx SOAP service" => ["--subgraph-ports", $"0,0,0,0,0,0,{port}", "--urls", "http://127.0.0.1:0"],
            _ => ["--subgraph-ports", "0,0,0", "--urls", $"http://127.0.0.1:{port}"],
        };
        var dataDirectory = Directory.CreateTempSubdirectory("fgw-demo-port-");
        try
        {
            using var demo = ServerProcess.StartExecutable("FederatedGateway.Demo.dll", ["--data-dir", dataDirectory.FullName, .. ports]);

            var message = $"error: port {port} is in use (give another with {option})";
            await StartupFailure.AssertReportedAsync(demo, message, output);
            Assert.Equal([message], StartupFailure.ErrorLines(demo));
        }
        finally
        {
            dataDirectory.Delete(recursive: true);
        }
    }
}
