namespace FederatedGateway.Grpc.Descriptors;

/// <summary>The routing URL schemes of gRPC subgraphs: <c>grpc://host:port</c> (h2c) and <c>grpcs://host:port</c> (TLS).</summary>
public static class GrpcAddress
{
    public const string PlainScheme = "grpc";
    public const string TlsScheme = "grpcs";

    /// <summary>True for a <c>grpc://</c> or <c>grpcs://</c> URL.</summary>
    public static bool IsGrpc(string url) =>
        url.StartsWith(PlainScheme + "://", StringComparison.OrdinalIgnoreCase)
        || url.StartsWith(TlsScheme + "://", StringComparison.OrdinalIgnoreCase);

    /// <summary>The HTTP/2 address Grpc.Net.Client dials: <c>grpc://</c> → <c>http://</c>, <c>grpcs://</c> → <c>https://</c>.</summary>
    /// <exception cref="GrpcSourceException">Not a grpc(s)/http(s) URL with a host.</exception>
    public static Uri ToHttpAddress(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            throw new GrpcSourceException($"\"{url}\" is not a valid gRPC URL (expected grpc://host:port or grpcs://host:port).");
        }

        var scheme = uri.Scheme.ToLowerInvariant() switch
        {
            PlainScheme or "http" => Uri.UriSchemeHttp,
            TlsScheme or "https" => Uri.UriSchemeHttps,
            _ => throw new GrpcSourceException($"\"{url}\" is not a gRPC URL (expected grpc://host:port or grpcs://host:port)."),
        };
        var port = uri.IsDefaultPort || uri.Port < 0 ? (scheme == Uri.UriSchemeHttps ? 443 : 80) : uri.Port;
        return new UriBuilder(scheme, uri.Host, port).Uri;
    }
}
