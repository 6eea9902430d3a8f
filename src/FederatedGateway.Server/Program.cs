// The gateway executable: configuration in, library code out. No logic lives here.
//
//   dotnet run --project src/FederatedGateway.Server -- --supergraph schemas/supergraph.graphql --urls http://127.0.0.1:4000
//
// Settings (appsettings.json, environment, command line; later wins):
//   --supergraph <file>  | Gateway:Supergraph or Gateway:SupergraphPath | env Gateway__Supergraph   the supergraph SDL file
//   --config <yaml>      | Gateway:ConfigPath                          a supergraph.yaml composed at start (development)
//   --registry <url> --graph <name@variant> | Gateway:Registry:*        follow a schema registry variant (token: env FGW_REGISTRY_TOKEN)
//   --urls <urls>        | urls                                        | env URLS                 where Kestrel listens
//                        (not ASPNETCORE_URLS: it is read before appsettings.json, whose Urls then wins)
//   Gateway:*            see GatewayOptions (SubgraphTimeout, MaxRequestBodySize, SubgraphUrlOverrides, ...)
//   --check-health [url] ask a running gateway's /health/ready instead (exit 0 ready, 1 not; see HealthCheck)
// SIGTERM / Ctrl+C stop the host gracefully (in-flight requests finish, then the process exits 0).
using FederatedGateway.AspNetCore;
using FederatedGateway.AspNetCore.Loading;
using FederatedGateway.Server;

// A container health check: ask the running gateway, start nothing.
if (HealthCheck.IsRequested(args))
{
    return await HealthCheck.RunAsync(args, Console.Out, Console.Error);
}

// First of all: the JIT setting that keeps .NET 10 from corrupting memory under load (see JitSafeRelaunch); when it is
// not set, this process only runs the gateway as its child.
if (JitSafeRelaunch.RunChildIfNeeded(args) is { } childExitCode)
{
    return childExitCode;
}

// Before anything uses the array pool or a socket: pool room for the requests in flight, inline socket completions
// (see GatewayRuntime; a value already in the environment wins).
GatewayRuntime.ApplyProcessDefaults();

// A setting that does not parse or validate, a supergraph that cannot be loaded or a port in use ends the process with one error line.
return await GatewayRunner.ReportStartupFailuresAsync(async () =>
{
    // appsettings.json is read from the executable's folder, whatever the working directory (relative paths such as
    // --supergraph still resolve against the working directory).
    var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });

    // A port in use is said in one line by ReportStartupFailuresAsync, not also logged by the host with its stack trace.
    builder.Logging.OmitPortInUseStartupLog();

    builder.Services.AddFederatedGatewayFromSupergraphFile(builder.Configuration);

    var app = builder.Build();
    app.MapFederatedGateway("/graphql");
    return await app.RunGatewayAsync();
});
