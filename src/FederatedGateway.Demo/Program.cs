using System.Runtime.InteropServices;
using FederatedGateway.Demo;

// Starts the demo subgraphs and waits for Ctrl+C (or SIGTERM).
// Usage: FederatedGateway.Demo [ACCOUNTS_PORT PORTFOLIO_PORT ORDERS_PORT]   (default 4101 4102 4103; 0 = any free port)
var ports = args.Length == 3
    ? new DemoPorts(int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture), int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture), int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture))
    : DemoPorts.Fixed;

using var shutdown = new CancellationTokenSource();
using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

await using var subgraphs = await DemoSubgraphs.StartAsync(ports, shutdown.Token);
foreach (var subgraph in subgraphs.Subgraphs)
    Console.WriteLine($"{subgraph.Name,-10} {subgraph.Url}");
Console.WriteLine("Press Ctrl+C to stop.");

try
{
    await Task.Delay(Timeout.Infinite, shutdown.Token);
}
catch (OperationCanceledException)
{
}

void Stop(PosixSignalContext context)
{
    context.Cancel = true;
    shutdown.Cancel();
}
