namespace FederatedGateway.AspNetCore;

/// <summary>The built-in GraphQL IDE served at the GraphQL endpoint to browsers (configuration <c>Gateway:Ide</c>).</summary>
public sealed class IdeSettings
{
    /// <summary>
    /// Serve the IDE when a browser opens the GraphQL endpoint (<c>GET</c> preferring <c>text/html</c>).
    /// Null (the default) means: on in the Development environment only.
    /// </summary>
    public bool? Enabled { get; set; }
}
