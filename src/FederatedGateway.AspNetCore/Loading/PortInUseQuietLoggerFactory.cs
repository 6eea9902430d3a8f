using Microsoft.Extensions.Logging;

namespace FederatedGateway.AspNetCore.Loading;

/// <summary>
/// The application's logger factory, handing the generic host (category <see cref="HostCategory"/>) a
/// <see cref="PortInUseQuietLogger"/>; every other category gets the inner factory's logger unchanged.
/// </summary>
internal sealed class PortInUseQuietLoggerFactory(ILoggerFactory inner, bool ownsInner) : ILoggerFactory
{
    /// <summary>The category of Microsoft.Extensions.Hosting's host, which logs "Hosting failed to start".</summary>
    public const string HostCategory = "Microsoft.Extensions.Hosting.Internal.Host";

    public ILogger CreateLogger(string categoryName)
    {
        var logger = inner.CreateLogger(categoryName);
        return string.Equals(categoryName, HostCategory, StringComparison.Ordinal) ? new PortInUseQuietLogger(logger) : logger;
    }

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    public void Dispose()
    {
        if (ownsInner)
        {
            inner.Dispose();
        }
    }
}
