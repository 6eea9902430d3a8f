using Microsoft.Extensions.DependencyInjection;

namespace FederatedGateway.Demo.Hosting;

/// <summary>How to build one demo subgraph: its name and the services (data + GraphQL schema) it needs.</summary>
internal sealed record SubgraphDefinition(string Name, Action<IServiceCollection> ConfigureServices);
