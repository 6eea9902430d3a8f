using FederatedGateway.Registry;

// The schema registry on its own: dotnet run --project src/FederatedGateway.Registry -- --urls http://127.0.0.1:4300
// [--Registry:Store=PostgreSql --Registry:PostgreSql="Host=..."] [--Registry:Tokens:0:Name=ci --Registry:Tokens:0:Sha256=... --Registry:Tokens:0:Scopes:0=publish:*]
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddSchemaRegistry(builder.Configuration);
var app = builder.Build();
app.MapSchemaRegistry();
app.Run();
