namespace FederatedGateway.AspNetCore.Transcoding;

/// <summary>
/// <c>Gateway:Transcoding</c>: the gRPC sources' RPCs that have a <c>google.api.http</c> rule (in the proto, or
/// <c>http:</c> in their supergraph.yaml entry) answered as JSON/HTTP routes, and their OpenAPI document. Off by
/// default: the routes reach the services without the graph's field authorization, so who may call them is
/// <see cref="Policy"/> (or any authenticated caller when authentication is configured).
/// </summary>
public sealed class TranscodingSettings
{
    /// <summary>Serve the gRPC sources' RPCs that have a <c>google.api.http</c> rule as JSON/HTTP routes, with their OpenAPI document. Default off.</summary>
    public bool Enabled { get; set; }

    /// <summary>The ASP.NET Core authorization policy a caller needs; see the class remarks for the default.</summary>
    public string? Policy { get; set; }

    /// <summary>Where the OpenAPI 3.0 document of the routes is served. Default <c>/openapi/grpc.json</c>.</summary>
    public string OpenApiPath { get; set; } = "/openapi/grpc.json";

    /// <summary>The largest request body read, in bytes. Default 1 MiB.</summary>
    public int MaxBodyBytes { get; set; } = 1024 * 1024;
}
