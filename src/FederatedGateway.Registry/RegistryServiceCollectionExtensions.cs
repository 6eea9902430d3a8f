using FederatedGateway.Registry.Http;
using FederatedGateway.Registry.Publishing;
using FederatedGateway.Registry.Storage;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FederatedGateway.Registry;

/// <summary>Hosts the registry in an ASP.NET Core application: <c>AddSchemaRegistry</c>, then <c>MapSchemaRegistry</c>.</summary>
public static class RegistryServiceCollectionExtensions
{
    /// <exception cref="InvalidOperationException">The <c>Registry</c> settings have problems (all of them are listed).</exception>
    public static IServiceCollection AddSchemaRegistry(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = new RegistrySettings();
        configuration.GetSection(RegistrySettings.SectionName).Bind(settings);
        var problems = settings.Problems().ToList();
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("The registry settings have problems:" + Environment.NewLine + string.Join(Environment.NewLine, problems));
        }

        services.AddSingleton(settings);
        services.AddSingleton<IRegistryStore>(_ => settings.Store == "PostgreSql" ? new PostgresRegistryStore(settings.PostgreSql!) : new SqliteRegistryStore(settings.SqlitePath));
        var usage = settings.Usage.Store switch
        {
            "Sqlite" => FederatedGateway.Storage.Usage.UsageStores.Sqlite(settings.Usage.SqlitePath!),
            "PostgreSql" => FederatedGateway.Storage.Usage.UsageStores.PostgreSql(settings.Usage.PostgreSql!),
            _ => null,
        };
        services.AddSingleton(provider => new SchemaRegistry(provider.GetRequiredService<IRegistryStore>(), usage, settings.Usage.Window));
        services.AddSingleton(provider => new RegistryCallers(settings, provider.GetRequiredService<IRegistryStore>()));
        services.AddSingleton<RegistryRequests>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<RegistryEndpoints>();
        services.AddSingleton<TokenEndpoints>();
        services.AddSingleton<DocumentEndpoints>();
        services.AddSingleton(new RegistryPage(settings));
        return services;
    }

    /// <summary>Maps the registry's HTTP API and prepares its store (tables created when missing).</summary>
    public static IEndpointRouteBuilder MapSchemaRegistry(this IEndpointRouteBuilder endpoints)
    {
        var services = endpoints.ServiceProvider;
        services.GetRequiredService<IRegistryStore>().InitializeAsync(CancellationToken.None).GetAwaiter().GetResult();
        services.GetRequiredService<RegistryEndpoints>().Map(endpoints);
        services.GetRequiredService<TokenEndpoints>().Map(endpoints);
        services.GetRequiredService<DocumentEndpoints>().Map(endpoints);
        services.GetRequiredService<RegistryPage>().Map(endpoints);
        return endpoints;
    }
}
