using FgwSubgraph;
using FgwSubgraph.Schema;
using GraphQL;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddSingleton<ProductCatalog>();
builder.Services.AddGraphQL(graphQL => graphQL
    .AddSchema<SubgraphSchema>()
    .AddGraphTypes(typeof(SubgraphSchema).Assembly)
    .AddSystemTextJson()
    // Apollo Federation v2: @link, @key, _service { sdl } and _entities for the gateway.
    .AddFederation("2.3"));

var app = builder.Build();
app.MapPost("/graphql", GraphQLEndpoint.HandleAsync);
app.Run();
