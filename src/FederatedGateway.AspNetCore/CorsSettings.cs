namespace FederatedGateway.AspNetCore;

/// <summary>
/// Cross-origin access to the GraphQL endpoint (configuration <c>Gateway:Cors</c>). Off until
/// <see cref="AllowedOrigins"/> lists an origin; <c>"*"</c> allows any origin (without credentials).
/// </summary>
public sealed class CorsSettings
{
    /// <summary>Origins allowed to call the endpoint, e.g. <c>https://app.example.com</c>, or <c>*</c>.</summary>
    public List<string> AllowedOrigins { get; set; } = [];

    /// <summary>Request headers browsers may send. Default <c>Content-Type, Authorization</c> plus any header in <see cref="GatewayOptions.ForwardedHeaders"/>.</summary>
    public List<string> AllowedHeaders { get; set; } = ["Content-Type", "Authorization"];

    /// <summary>Allow cookies and HTTP authentication (never together with <c>*</c>). Default off.</summary>
    public bool AllowCredentials { get; set; }

    /// <summary>How long browsers may cache a preflight answer. Default 10 minutes.</summary>
    public TimeSpan PreflightMaxAge { get; set; } = TimeSpan.FromMinutes(10);
}
