using System.Runtime.InteropServices;
using FederatedGateway.Demo;

// The fintech demo: three GraphQL subgraphs (accounts, portfolio, orders) and the gateway in front of them,
// all on 127.0.0.1. Stops on Ctrl+C or SIGTERM.
//   dotnet run --project src/FederatedGateway.Demo [-- --urls http://127.0.0.1:4100] [--subgraph-ports 4101,4102,4103]
var url = Argument("--urls") ?? "http://127.0.0.1:4100";
var ports = DemoPorts.Fixed;
if (Argument("--subgraph-ports") is { } list)
{
    var parts = list.Split(',');
    if (parts.Length != 3 || !parts.All(p => int.TryParse(p, out _)))
    {
        Console.Error.WriteLine("--subgraph-ports takes three port numbers, e.g. 4101,4102,4103 (0 = any free port).");
        return 2;
    }

    ports = new DemoPorts(int.Parse(parts[0]), int.Parse(parts[1]), int.Parse(parts[2]));
}

using var shutdown = new CancellationTokenSource();
using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

await using var subgraphs = await DemoSubgraphs.StartAsync(ports, shutdown.Token);
await using var gateway = await DemoGateway.StartAsync(subgraphs, url, Array.Empty<string>(), shutdown.Token);
foreach (var subgraph in subgraphs.Subgraphs)
{
    Console.WriteLine($"subgraph {subgraph.Name,-10} {subgraph.Url}");
}

Console.WriteLine($"GraphQL endpoint (POST/GET): {DemoGateway.Address(gateway)}/graphql");
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
