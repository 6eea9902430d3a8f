using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace FederatedGateway.AspNetCore.Ide;

/// <summary>Writes one built file (the IDE's or the dashboard's): brotli when the client accepts it, 304 when its ETag matches.</summary>
internal static class IdeAssetResponse
{
    public static Task WriteAsync(HttpContext context, IdeAsset asset)
    {
        var response = context.Response;
        var headers = response.Headers;
        headers.ETag = asset.ETag;
        headers.CacheControl = "no-cache";
        headers.XContentTypeOptions = "nosniff";
        if (asset.Brotli is not null)
        {
            headers.Append(HeaderNames.Vary, HeaderNames.AcceptEncoding);
        }

        if (context.Request.Headers.IfNoneMatch.Contains(asset.ETag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }

        var body = asset.Content;
        if (asset.Brotli is not null && AcceptsBrotli(context.Request))
        {
            body = asset.Brotli;
            headers.ContentEncoding = "br";
        }

        response.ContentType = asset.ContentType;
        response.ContentLength = body.Length;
        return response.Body.WriteAsync(body, context.RequestAborted).AsTask();
    }

    private static bool AcceptsBrotli(HttpRequest request) =>
        StringWithQualityHeaderValue.TryParseList(request.Headers.AcceptEncoding, out var encodings)
        && encodings.Any(e => e.Value.Equals("br", StringComparison.OrdinalIgnoreCase) && (e.Quality ?? 1) > 0);
}
