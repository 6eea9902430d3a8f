using FederatedGateway.Execution.Authorization;
using FederatedGateway.Execution.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FederatedGateway.AspNetCore.Authorization;

/// <summary>Registers field authorization: the authorize stage, with <c>@policy</c> evaluated by ASP.NET Core authorization.</summary>
internal static class GatewayAuthorizationServiceCollectionExtensions
{
    /// <remarks>
    /// The stage is always on the request path, since a reloaded supergraph may bring authorization directives; for
    /// a supergraph without any it only reads one flag of the snapshot.
    /// </remarks>
    public static void AddGatewayAuthorization(this IServiceCollection services, AuthorizationSettings settings)
    {
        services.AddAuthorization();
        services.AddSingleton<IAuthorizationPolicyEvaluator>(provider => new AuthorizationServicePolicyEvaluator(
            provider.GetRequiredService<IServiceScopeFactory>(), provider.GetRequiredService<ILogger<AuthorizationServicePolicyEvaluator>>()));
        services.AddSingleton<IRequestStage>(provider => new AuthorizeStage(settings.RejectUnauthorized, provider.GetRequiredService<IAuthorizationPolicyEvaluator>()));
        if (settings.IntrospectionPolicy is { Length: > 0 } policy)
        {
            services.AddSingleton<IRequestStage>(provider => new IntrospectionPolicyStage(policy, provider.GetRequiredService<IAuthorizationPolicyEvaluator>()));
        }
    }
}
