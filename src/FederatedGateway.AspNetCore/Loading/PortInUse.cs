using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Connections;

namespace FederatedGateway.AspNetCore.Loading;

/// <summary>
/// Kestrel refusing to start because another process already listens on one of its addresses ("Failed to bind to
/// address http://127.0.0.1:4000: address already in use."), told in one line that says which option moves it.
/// </summary>
public static partial class PortInUse
{
    /// <summary>Whether <paramref name="exception"/> is Kestrel's failure to bind to an address that is in use.</summary>
    public static bool IsPortInUse(Exception? exception) => exception is IOException { InnerException: AddressInUseException };

    /// <summary>
    /// <c>port 4000 is in use (give another with --urls http://127.0.0.1:&lt;port&gt;)</c>: the port as Kestrel's
    /// message names it, <paramref name="option"/> what the operator can pass instead.
    /// </summary>
    public static string Describe(Exception exception, string option)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var port = BoundPort().Match(exception.Message);
        var what = port.Success ? $"port {port.Groups["port"].Value} is in use" : exception.Message.TrimEnd('.');
        return $"{what} (give another with {option})";
    }

    [GeneratedRegex(@"address \S*:(?<port>\d+): address already in use", RegexOptions.IgnoreCase)]
    private static partial Regex BoundPort();
}
