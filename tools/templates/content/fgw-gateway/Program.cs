using FederatedGateway.AspNetCore;
using FederatedGateway.AspNetCore.Loading;

// .NET 10's JIT can corrupt memory under sustained load with object stack allocation on; unless
// DOTNET_JitObjectStackAllocation is set, this runs the gateway as a child process with it off.
if (JitSafeRelaunch.RunChildIfNeeded(args) is { } childExitCode)
{
    return childExitCode;
}

// A bad setting, a supergraph.yaml that does not compose or a port in use ends the process with one "error:" line and exit code 1.
return await GatewayRunner.ReportStartupFailuresAsync(async () =>
{
    // appsettings.json and supergraph.yaml (Gateway:ConfigPath) are read from the working directory: run it in the
    // project folder (dotnet run does), where editing supergraph.yaml recomposes the running gateway.
    var builder = WebApplication.CreateBuilder(args);

    // A port in use is that one "error:" line too, without the host's own log of it (a stack trace).
    builder.Logging.OmitPortInUseStartupLog();

    // AddFederatedGateway with the supergraph from Gateway:ConfigPath (or --supergraph <file>), composed and watched.
    builder.Services.AddFederatedGatewayFromSupergraphFile(builder.Configuration);

    var app = builder.Build();
    app.MapFederatedGateway("/graphql"); // also /health and /health/ready
    return await app.RunGatewayAsync();
});
