using System.Security.Claims;
using FederatedGateway.Execution.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FederatedGateway.AspNetCore.Authorization;

/// <summary>
/// Evaluates a <c>@policy</c> name as the ASP.NET Core authorization policy of that name
/// (<c>services.AddAuthorization(o =&gt; o.AddPolicy(...))</c>) with <see cref="IAuthorizationService"/>, in a service
/// scope of its own (policy handlers may be scoped). A policy that is not registered refuses, and is logged.
/// </summary>
internal sealed partial class AuthorizationServicePolicyEvaluator : IAuthorizationPolicyEvaluator
{
    private readonly IServiceScopeFactory _scopes;
    private readonly ILogger _logger;

    public AuthorizationServicePolicyEvaluator(IServiceScopeFactory scopes, ILogger<AuthorizationServicePolicyEvaluator> logger)
    {
        _scopes = scopes;
        _logger = logger;
    }

    public async ValueTask<bool> IsAllowedAsync(ClaimsPrincipal user, string policy, CancellationToken cancellationToken)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var service = scope.ServiceProvider.GetRequiredService<IAuthorizationService>();
        try
        {
            return (await service.AuthorizeAsync(user, resource: null, policy).ConfigureAwait(false)).Succeeded;
        }
        catch (InvalidOperationException ex)
        {
            LogUnknownPolicy(_logger, policy, ex.Message);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The @policy \"{Policy}\" is not an ASP.NET Core authorization policy of this host, so it refuses everyone: {Reason}")]
    private static partial void LogUnknownPolicy(ILogger logger, string policy, string reason);
}
