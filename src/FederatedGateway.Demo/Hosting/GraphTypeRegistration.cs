using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace FederatedGateway.Demo.Hosting;

/// <summary>
/// Registers the graph types of one subgraph only: every subgraph lives in this assembly and several of them
/// define a type of the same GraphQL name (e.g. <c>Trader</c>), so an assembly-wide scan would mix them up.
/// </summary>
internal static class GraphTypeRegistration
{
    public static IServiceCollection AddGraphTypesInNamespaceOf<TMarker>(this IServiceCollection services)
    {
        var ns = typeof(TMarker).Namespace!;
        foreach (var type in typeof(TMarker).Assembly.GetTypes())
        {
            if (type is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false }
                && typeof(IGraphType).IsAssignableFrom(type)
                && type.Namespace is { } typeNamespace
                && (typeNamespace == ns || typeNamespace.StartsWith(ns + ".", StringComparison.Ordinal)))
            {
                services.AddTransient(type);
            }
        }

        return services;
    }
}
