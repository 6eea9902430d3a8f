using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace FederatedGateway.AspNetCore.Internal;

/// <summary>Refuses requests that may be cross-site forgeries (see <see cref="CsrfSettings"/>) with 400 and <see cref="Code"/>.</summary>
internal static class CsrfGuard
{
    public const string Code = "CSRF_PREVENTED";

    /// <summary>Answers and returns true when the request is refused.</summary>
    public static async ValueTask<bool> RefuseAsync(HttpContext context, GatewayOptions options)
    {
        var settings = options.Csrf;
        if (!settings.Enabled || HttpMethods.IsOptions(context.Request.Method) || !MayBeForged(context.Request, settings)
            || IsTrustedOrigin(context.Request, options.Cors))
        {
            return false;
        }

        await ResponseWriter.WriteErrorAsync(context.Response, StatusCodes.Status400BadRequest, ResponseMediaType.Json,
            "This request was refused as a possible cross-site request forgery: send it with Content-Type: application/json, or with one of the headers "
            + string.Join(", ", settings.RequiredHeaders) + ".", Code).ConfigureAwait(false);
        return true;
    }

    private static bool MayBeForged(HttpRequest request, CsrfSettings settings)
    {
        if (!IsSimple(request, settings))
        {
            return false;
        }

        if (settings.Strict)
        {
            return true;
        }

        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0)
        {
            return site is "cross-site" or "same-site";
        }

        var origin = request.Headers.Origin.ToString();
        return origin.Length > 0 && !IsSameOrigin(origin, request);
    }

    /// <summary>Whether a browser would send the request without a preflight: no preflight-forcing header, and no content type or a form/text one.</summary>
    private static bool IsSimple(HttpRequest request, CsrfSettings settings)
    {
        foreach (var header in settings.RequiredHeaders)
        {
            if (request.Headers.ContainsKey(header))
            {
                return false;
            }
        }

        var contentType = request.ContentType;
        if (string.IsNullOrEmpty(contentType))
        {
            return true;
        }

        if (!MediaTypeHeaderValue.TryParse(contentType, out var mediaType))
        {
            return true;
        }

        var type = mediaType.MediaType.Value;
        return string.Equals(type, "application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase)
            || string.Equals(type, "multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || string.Equals(type, "text/plain", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>An origin listed by name in <c>Gateway:Cors:AllowedOrigins</c> is trusted (an EventSource there cannot add headers); <c>*</c> trusts nobody.</summary>
    private static bool IsTrustedOrigin(HttpRequest request, CorsSettings cors)
    {
        var origin = request.Headers.Origin.ToString();
        return origin.Length > 0 && cors.AllowedOrigins.Exists(o => o != "*" && string.Equals(o.TrimEnd('/'), origin, StringComparison.OrdinalIgnoreCase));
    }

    private static bool IsSameOrigin(string origin, HttpRequest request) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri)
        && string.Equals(uri.Scheme, request.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
}
