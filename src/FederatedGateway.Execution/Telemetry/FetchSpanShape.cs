namespace FederatedGateway.Execution.Telemetry;

/// <summary>
/// The parts of a fetch span that depend only on its route: the display name and the server's address and port
/// (the port boxed once, so a span costs no allocation for it).
/// </summary>
internal sealed class FetchSpanShape
{
    public FetchSpanShape(string subgraph, string url)
    {
        DisplayName = "fetch " + subgraph;
        if (Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            Host = uri.Host;
            Port = uri.Port;
        }
    }

    public string DisplayName { get; }

    /// <summary>The server's host; null when the route's address is not an absolute URL.</summary>
    public string? Host { get; }

    public object? Port { get; }
}
