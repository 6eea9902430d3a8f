using FederatedGateway.Execution.Headers;
using FederatedGateway.Execution.Pipeline;
using Microsoft.Extensions.DependencyInjection;

namespace FederatedGateway.AspNetCore.Headers;

/// <summary>Registers what collects client headers and, when <c>Gateway:Headers</c> has rules, the stage that applies them per subgraph.</summary>
internal static class HeaderPropagationServiceCollectionExtensions
{
    public static void AddHeaderPropagation(this IServiceCollection services, GatewayOptions options)
    {
        var settings = options.Headers;
        if (!settings.HasRules || settings.Problems().Any())
        {
            // Gateway:ForwardedHeaders alone: the same headers to every subgraph. Invalid rules are refused at start.
            services.AddSingleton(new ClientHeaderCollector(options.ForwardedHeaders));
            return;
        }

        var policy = settings.ToPolicy(options.ForwardedHeaders);
        services.AddSingleton(new ClientHeaderCollector(policy.ClientHeaders));
        services.AddSingleton<IRequestStage>(new HeaderPropagationStage(policy));
    }
}
