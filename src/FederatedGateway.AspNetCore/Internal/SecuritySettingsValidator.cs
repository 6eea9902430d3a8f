using Microsoft.Extensions.Options;

namespace FederatedGateway.AspNetCore.Internal;

/// <summary>Refuses to start with <c>Gateway:Authentication</c> or <c>Gateway:PersistedDocuments</c> settings that are incomplete or unsafe, naming each problem.</summary>
internal sealed class SecuritySettingsValidator : IValidateOptions<GatewayOptions>
{
    public ValidateOptionsResult Validate(string? name, GatewayOptions options)
    {
        var problems = options.Authentication.Problems().Concat(options.PersistedDocuments.Problems()).Concat(options.Headers.Problems()).Concat(options.Tls.Problems()).Concat(options.RateLimits.Problems()).Concat(options.LoadShedding.Problems()).Concat(options.Resilience.Problems()).Concat(options.Replicas.Problems()).Concat(options.Cost.Problems()).Concat(options.Registry.Problems()).Concat(options.Usage.Problems()).Concat(options.Dashboard.Problems(options.Usage.Enabled)).ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
