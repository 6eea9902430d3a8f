// The gateway executable: configuration in, library code out. No logic lives here.
//
//   dotnet run --project src/FederatedGateway.Server -- --supergraph schemas/supergraph.graphql --urls http://127.0.0.1:4000
//
// Settings (appsettings.json, environment, command line; later wins):
//   --supergraph <file>  | Gateway:SupergraphPath | env Gateway__SupergraphPath   the supergraph SDL file
//   --urls <urls>        | urls                   | env ASPNETCORE_URLS          where Kestrel listens
//   Gateway:*            see GatewayOptions (SubgraphTimeout, MaxRequestBodySize, SubgraphUrlOverrides, ...)
// SIGTERM / Ctrl+C stop the host gracefully (in-flight requests finish, then the process exits 0).
using FederatedGateway.AspNetCore;
using FederatedGateway.AspNetCore.Loading;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddFederatedGatewayFromSupergraphFile(builder.Configuration);

var app = builder.Build();
app.MapFederatedGateway("/graphql");
app.Run();
