using FederatedGateway.AspNetCore.Authentication;
using FederatedGateway.Execution.Authorization;
using FederatedGateway.Execution.Requests;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FederatedGateway.AspNetCore.Transcoding;

/// <summary>Registers the JSON/HTTP routes of the gRPC sources when <c>Gateway:Transcoding:Enabled</c>.</summary>
internal static class TranscodingServiceCollectionExtensions
{
    public static void AddTranscoding(this IServiceCollection services, GatewayOptions options)
    {
        var settings = options.Transcoding;
        if (!settings.Enabled)
        {
            return;
        }

        services.AddSingleton(provider => new TranscodingEndpoint(
            settings,
            provider.GetRequiredService<IGatewayExecutor>(),
            new EndpointAccess(settings.Policy, provider.GetRequiredService<GatewayAuthenticator>(), provider.GetService<IAuthorizationPolicyEvaluator>()),
            options.ForwardedHeaders,
            provider.GetRequiredService<ILoggerFactory>().CreateLogger("FederatedGateway.Transcoding")));
    }
}
