using System.CommandLine;
using System.CommandLine.Help;
using System.Runtime.InteropServices;
using FederatedGateway.AspNetCore.Loading;
using FederatedGateway.Demo;
using FederatedGateway.Demo.Apis;
using FederatedGateway.Demo.Grpc;
using FederatedGateway.Demo.Security;

// The fintech demo: three GraphQL subgraphs (accounts, portfolio, orders), two gRPC services (marketdata, risk), a
// REST service (settlement) and a SOAP service (fx) and the gateway in front of them, all on 127.0.0.1. Stops on
// Ctrl+C or SIGTERM.
//   dotnet run -c Release --project src/FederatedGateway.Demo -v m [-- --urls http://127.0.0.1:4100] [--subgraph-ports 4101,4102,4103[,4104,4105[,4106,4107]]] [--subgraphs-only]
// The JIT setting that keeps .NET 10 from corrupting memory under load (see JitSafeRelaunch): without it, this
// process only runs the demo as its child.
if (FederatedGateway.AspNetCore.JitSafeRelaunch.RunChildIfNeeded(args) is { } childExitCode)
{
    return childExitCode;
}

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
var apiPorts = DemoCommandLine.ApiPorts(parsed.GetValue(commandLine.SubgraphPorts));
var subgraphsOnly = parsed.GetValue(commandLine.SubgraphsOnly);
DemoIssuer? issuer = null;
try
{
    issuer = subgraphsOnly ? null : DemoIssuer.Open(parsed.GetValue(commandLine.DataDirectory)!);
}
catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException)
{
    Console.Error.WriteLine("error: the demo's signing key: " + ex.Message);
    return 1;
}

using var shutdown = new CancellationTokenSource();
using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

// A port in use ends the demo with one error line (each host leaves its own log of it out: OmitPortInUseStartupLog).
const string SubgraphPortsOption = "--subgraph-ports <accounts,portfolio,orders[,marketdata,risk[,settlement,fx]]>";
await using var subgraphs = await StartOrReportPortInUseAsync(() => DemoSubgraphs.StartAsync(ports, shutdown.Token), SubgraphPortsOption);
if (subgraphs is null)
{
    return StopAfterPortInUse();
}

await using var grpc = await StartOrReportPortInUseAsync(() => DemoGrpcServices.StartAsync(grpcPorts, shutdown.Token), SubgraphPortsOption);
if (grpc is null)
{
    return StopAfterPortInUse();
}

await using var apis = await StartOrReportPortInUseAsync(() => DemoApiServices.StartAsync(apiPorts, shutdown.Token), SubgraphPortsOption);
if (apis is null)
{
    return StopAfterPortInUse();
}

await using var gateway = issuer is null ? null : await StartOrReportPortInUseAsync(
    () => DemoGateway.StartAsync(subgraphs, url, DemoGateway.AnalyticsArguments, shutdown.Token, supergraphPath: DemoGateway.SecuredSupergraphPath, grpc: grpc, issuer: issuer, apis: apis),
    "--urls http://127.0.0.1:<port>");
if (issuer is not null && gateway is null)
{
    return StopAfterPortInUse();
}

foreach (var subgraph in subgraphs.Subgraphs.Concat(grpc.Services).Concat(apis.Services))
{
    Console.WriteLine($"subgraph {subgraph.Name,-10} {subgraph.Url}");
}

if (gateway is null || issuer is null)
{
    Console.WriteLine("No gateway (--subgraphs-only). Press Ctrl+C to stop.");
    await WaitForShutdownAsync(shutdown.Token);
    return 0;
}

Console.WriteLine($"IDE (open in a browser): {DemoGateway.Address(gateway)}/graphql");
Console.WriteLine($"GraphQL endpoint (POST/GET, WebSocket, SSE): {DemoGateway.Address(gateway)}/graphql");
Console.WriteLine($"Dashboard (traffic, operations, field usage): {DemoGateway.Address(gateway)}/dashboard");
Console.WriteLine($"Health: {DemoGateway.Address(gateway)}/health");
Console.WriteLine($"JWT issuer: key set {issuer.JwksPath}; tokens: {DemoGateway.Address(gateway)}/demo/token?trader=alice (trading:read) or bob (risk:read)");
foreach (var trader in DemoTrader.All)
{
    Console.WriteLine(
        $"  curl -s {DemoGateway.Address(gateway)}/graphql -H 'content-type: application/json' " +
        $"-H \"authorization: Bearer $(curl -s '{DemoGateway.Address(gateway)}/demo/token?trader={trader.Login}')\" " +
        "-d '{\"query\":\"{ me { name orders { id notional { amount } } risk { valueAtRisk } } }\"}'");
}

Console.WriteLine("Press Ctrl+C to stop.");
await WaitForShutdownAsync(shutdown.Token);
await gateway.StopAsync();
issuer.Dispose();
return 0;

static async Task<T?> StartOrReportPortInUseAsync<T>(Func<Task<T>> start, string option)
    where T : class
{
    try
    {
        return await start();
    }
    catch (IOException ex) when (PortInUse.IsPortInUse(ex))
    {
        Console.Error.WriteLine("error: " + PortInUse.Describe(ex, option));
        return null;
    }
}

static async Task WaitForShutdownAsync(CancellationToken shutdown)
{
    try
    {
        await Task.Delay(Timeout.Infinite, shutdown);
    }
    catch (OperationCanceledException)
    {
    }
}

int StopAfterPortInUse()
{
    issuer?.Dispose();
    return 1;
}

void Stop(PosixSignalContext context)
{
    context.Cancel = true;
    shutdown.Cancel();
}
