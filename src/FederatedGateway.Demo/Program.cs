using System.CommandLine;
using System.CommandLine.Help;
using System.Runtime.InteropServices;
using FederatedGateway.Demo;
using FederatedGateway.Demo.Grpc;

// The fintech demo: three GraphQL subgraphs (accounts, portfolio, orders), two gRPC services (marketdata, risk)
// and the gateway in front of them, all on 127.0.0.1. Stops on Ctrl+C or SIGTERM.
//   dotnet run --project src/FederatedGateway.Demo [-- --urls http://127.0.0.1:4100] [--subgraph-ports 4101,4102,4103[,4104,4105]]
var commandLine = new DemoCommandLine();
var parsed = commandLine.Root.Parse(args);
if (parsed.Action is HelpAction)
{
    return parsed.Invoke();
}

if (parsed.Errors.Count > 0)
{
    Console.Error.WriteLine("error: " + (parsed.UnmatchedTokens.Count > 0 ? $"unknown option \"{parsed.UnmatchedTokens[0]}\"" : parsed.Errors[0].Message));
    Console.Error.WriteLine("Run with --help for usage.");
    return 2;
}

var url = parsed.GetValue(commandLine.Urls)!;
var ports = DemoCommandLine.GraphQLPorts(parsed.GetValue(commandLine.SubgraphPorts));
var grpcPorts = DemoCommandLine.GrpcPorts(parsed.GetValue(commandLine.SubgraphPorts));

using var shutdown = new CancellationTokenSource();
using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

await using var subgraphs = await DemoSubgraphs.StartAsync(ports, shutdown.Token);
await using var grpc = await DemoGrpcServices.StartAsync(grpcPorts, shutdown.Token);
await using var gateway = await DemoGateway.StartAsync(subgraphs, url, DemoGateway.AnalyticsArguments, shutdown.Token, grpc: grpc);
foreach (var subgraph in subgraphs.Subgraphs.Concat(grpc.Services))
{
    Console.WriteLine($"subgraph {subgraph.Name,-10} {subgraph.Url}");
}

Console.WriteLine($"IDE (open in a browser): {DemoGateway.Address(gateway)}/graphql");
Console.WriteLine($"GraphQL endpoint (POST/GET, WebSocket, SSE): {DemoGateway.Address(gateway)}/graphql");
Console.WriteLine($"Dashboard (traffic, operations, field usage): {DemoGateway.Address(gateway)}/dashboard");
Console.WriteLine($"Health: {DemoGateway.Address(gateway)}/health");
Console.WriteLine("Press Ctrl+C to stop.");

try
{
    await Task.Delay(Timeout.Infinite, shutdown.Token);
}
catch (OperationCanceledException)
{
}

await gateway.StopAsync();
return 0;

void Stop(PosixSignalContext context)
{
    context.Cancel = true;
    shutdown.Cancel();
}
