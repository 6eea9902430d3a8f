using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FederatedGateway.AspNetCore.Loading;

/// <summary>Leaves a port in use at start-up to the program's one-line report instead of the host's logged stack trace.</summary>
public static class PortInUseLoggingBuilderExtensions
{
    /// <summary>
    /// The host logs "Hosting failed to start" with a stack trace before the exception reaches the program; when a port
    /// is in use, this leaves that entry out, so <see cref="GatewayRunner.ReportStartupFailuresAsync"/> (or the program's
    /// own catch, with <see cref="PortInUse.Describe"/>) says it in one line. Other entries and failures are logged as before.
    /// Call it after the logging services are added (<c>WebApplication.CreateBuilder</c> has added them).
    /// </summary>
    public static ILoggingBuilder OmitPortInUseStartupLog(this ILoggingBuilder logging)
    {
        ArgumentNullException.ThrowIfNull(logging);
        var services = logging.Services;
        var registered = services.LastOrDefault(d => d.ServiceType == typeof(ILoggerFactory) && !d.IsKeyedService)
            ?? throw new InvalidOperationException("No ILoggerFactory is registered yet: call AddLogging first.");
        services.Remove(registered);
        services.AddSingleton<ILoggerFactory>(provider => registered.ImplementationInstance is ILoggerFactory instance
            ? new PortInUseQuietLoggerFactory(instance, ownsInner: false)
            : new PortInUseQuietLoggerFactory(Create(registered, provider), ownsInner: true));
        return logging;
    }

    private static ILoggerFactory Create(ServiceDescriptor registered, IServiceProvider provider) =>
        registered.ImplementationFactory is { } factory
            ? (ILoggerFactory)factory(provider)
            : (ILoggerFactory)ActivatorUtilities.CreateInstance(provider, registered.ImplementationType!);
}
