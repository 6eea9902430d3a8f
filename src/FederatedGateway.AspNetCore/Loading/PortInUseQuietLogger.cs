using Microsoft.Extensions.Logging;

namespace FederatedGateway.AspNetCore.Loading;

/// <summary>
/// The host's logger, without its "Hosting failed to start" entry (and stack trace) when the cause is a port in use:
/// that failure reaches the program, which says it in one line (see <see cref="GatewayRunner"/>). Everything else passes.
/// </summary>
internal sealed class PortInUseQuietLogger(ILogger inner) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => inner.BeginScope(state);

    public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!PortInUse.IsPortInUse(exception))
        {
            inner.Log(logLevel, eventId, state, exception, formatter);
        }
    }
}
