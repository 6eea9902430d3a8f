using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace FederatedGateway.AspNetCore.Internal;

/// <summary>CORS for the GraphQL endpoint: answers preflights and adds the response headers for allowed origins.</summary>
internal static class CrossOrigin
{
    /// <summary>Adds CORS headers; returns true when the request was a preflight and has been answered.</summary>
    public static bool Handle(HttpContext context, GatewayOptions options)
    {
        var cors = options.Cors;
        var request = context.Request;
        var origin = request.Headers.Origin.ToString();
        if (cors.AllowedOrigins.Count == 0 || origin.Length == 0)
        {
            return false;
        }

        var response = context.Response;
        response.Headers.Append(HeaderNames.Vary, HeaderNames.Origin);
        var anyOrigin = cors.AllowedOrigins.Contains("*") && !cors.AllowCredentials;
        var allowed = anyOrigin || cors.AllowedOrigins.Exists(o => string.Equals(o.TrimEnd('/'), origin, StringComparison.OrdinalIgnoreCase));
        var isPreflight = HttpMethods.IsOptions(request.Method) && request.Headers.ContainsKey(HeaderNames.AccessControlRequestMethod);
        if (!allowed)
        {
            if (isPreflight)
            {
                response.StatusCode = StatusCodes.Status403Forbidden;
            }

            return isPreflight;
        }

        response.Headers.AccessControlAllowOrigin = anyOrigin ? "*" : origin;
        if (cors.AllowCredentials)
        {
            response.Headers.AccessControlAllowCredentials = "true";
        }

        if (!isPreflight)
        {
            return false;
        }

        response.Headers.AccessControlAllowMethods = "GET, POST";
        response.Headers.AccessControlAllowHeaders = string.Join(", ", cors.AllowedHeaders.Concat(options.ForwardedHeaders).Distinct(StringComparer.OrdinalIgnoreCase));
        response.Headers.AccessControlMaxAge = ((int)cors.PreflightMaxAge.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        response.StatusCode = StatusCodes.Status204NoContent;
        return true;
    }
}
