using System.Text.Encodings.Web;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace FederatedGateway.Demo.Hosting;

/// <summary>The GraphQL.NET setup shared by the demo subgraphs: one schema, System.Text.Json, Apollo Federation v2.</summary>
internal static class SubgraphGraphQL
{
    /// <summary>The Apollo Federation version the subgraphs link to (<c>@link(url: ".../federation/v2.3")</c>).</summary>
    public const string FederationVersion = "2.3";

    /// <summary>
    /// Registers the schema <typeparamref name="TSchema"/> and the graph types in the namespace of
    /// <typeparamref name="TMarker"/> (and below) with federation support.
    /// </summary>
    public static IServiceCollection AddSubgraphGraphQL<TSchema, TMarker>(this IServiceCollection services)
        where TSchema : class, ISchema
    {
        services.AddGraphTypesInNamespaceOf<TMarker>();
        services.AddGraphQL(graphQL => graphQL
            .AddSchema<TSchema>()
            // '+', quotes and non-ASCII letters stay readable in responses (and in _service { sdl })
            .AddSystemTextJson(json => json.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping)
            .AddFederation(FederationVersion)
            .AddErrorInfoProvider(options =>
            {
                options.ExposeCodes = false;
                options.ExposeExceptionDetails = false;
            }));
        return services;
    }
}
