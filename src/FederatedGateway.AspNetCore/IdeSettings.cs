namespace FederatedGateway.AspNetCore;

/// <summary>The built-in GraphQL IDE served at the GraphQL endpoint to browsers (configuration <c>Gateway:Ide</c>).</summary>
public sealed class IdeSettings
{
    /// <summary>
    /// Serve the IDE when a browser opens the GraphQL endpoint (<c>GET</c> preferring <c>text/html</c>).
    /// Null (the default) means: on in the Development environment only.
    /// </summary>
    public bool? Enabled { get; set; }

    /// <summary>
    /// When the IDE is off, a browser opening the GraphQL endpoint's bare URL (no query string) gets a short HTML page saying so and
    /// which setting turns it on (status 400, as the GraphQL answer). False: it gets the GraphQL-over-HTTP 400 like any client.
    /// </summary>
    public bool ExplainWhenOff { get; set; } = true;
}
