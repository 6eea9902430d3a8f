using System.Runtime.InteropServices;
using FederatedGateway.Demo;
using FederatedGateway.Demo.Grpc;

// The fintech demo: three GraphQL subgraphs (accounts, portfolio, orders), two gRPC services (marketdata, risk)
// and the gateway in front of them, all on 127.0.0.1. Stops on Ctrl+C or SIGTERM.
//   dotnet run --project src/FederatedGateway.Demo [-- --urls http://127.0.0.1:4100] [--subgraph-ports 4101,4102,4103[,4104,4105]]
var url = Argument("--urls") ?? "http://127.0.0.1:4100";
var ports = DemoPorts.Fixed;
var grpcPorts = DemoGrpcPorts.Fixed;
if (Argument("--subgraph-ports") is { } list)
{
    var parts = list.Split(',');
    if (parts.Length is not (3 or 5) || !parts.All(p => int.TryParse(p, out _)))
    {
        Console.Error.WriteLine("--subgraph-ports takes three or five port numbers, e.g. 4101,4102,4103,4104,4105 (0 = any free port).");
        return 2;
    }

    ports = new DemoPorts(int.Parse(parts[0]), int.Parse(parts[1]), int.Parse(parts[2]));
    grpcPorts = parts.Length == 5 ? new DemoGrpcPorts(int.Parse(parts[3]), int.Parse(parts[4])) : DemoGrpcPorts.Ephemeral;
}

using var shutdown = new CancellationTokenSource();
using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

await using var subgraphs = await DemoSubgraphs.StartAsync(ports, shutdown.Token);
await using var grpc = await DemoGrpcServices.StartAsync(grpcPorts, shutdown.Token);
await using var gateway = await DemoGateway.StartAsync(subgraphs, url, Array.Empty<string>(), shutdown.Token, grpc: grpc);
foreach (var subgraph in subgraphs.Subgraphs.Concat(grpc.Services))
{
    Console.WriteLine($"subgraph {subgraph.Name,-10} {subgraph.Url}");
}

Console.WriteLine($"IDE (open in a browser): {DemoGateway.Address(gateway)}/graphql");
Console.WriteLine($"GraphQL endpoint (POST/GET, WebSocket, SSE): {DemoGateway.Address(gateway)}/graphql");
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

string? Argument(string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}

void Stop(PosixSignalContext context)
{
    context.Cancel = true;
    shutdown.Cancel();
}
