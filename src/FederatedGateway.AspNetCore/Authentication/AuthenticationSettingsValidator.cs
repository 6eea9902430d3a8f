using Microsoft.Extensions.Options;

namespace FederatedGateway.AspNetCore.Authentication;

/// <summary>Refuses to start with <c>Gateway:Authentication</c> settings that are incomplete or unsafe, naming each problem.</summary>
internal sealed class AuthenticationSettingsValidator : IValidateOptions<GatewayOptions>
{
    public ValidateOptionsResult Validate(string? name, GatewayOptions options)
    {
        var problems = options.Authentication.Problems().ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
