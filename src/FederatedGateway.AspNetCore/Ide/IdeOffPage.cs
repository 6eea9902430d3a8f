using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace FederatedGateway.AspNetCore.Ide;

/// <summary>
/// What a browser opening the GraphQL endpoint gets when the IDE is off: a short page saying so and which setting
/// turns it on, in place of the bare GraphQL-over-HTTP 400 (the request has no query string). Status stays 400.
/// </summary>
internal static class IdeOffPage
{
    private static readonly byte[] Off = Render(
        "The built-in GraphQL IDE is off here. Set <code>Gateway:Ide:Enabled</code> to <code>true</code> "
        + "(<code>--Gateway:Ide:Enabled true</code> on the command line, or the environment variable "
        + "<code>Gateway__Ide__Enabled=true</code>) to serve it to browsers; unset, it is on in the Development environment only.");

    private static readonly byte[] NotBuilt = Render(
        "<code>Gateway:Ide:Enabled</code> is on, but this build of the gateway has no IDE files "
        + "(it was built with <code>-p:FederatedGatewaySkipIde=true</code>): build it with Node.js 20+ and npm installed.");

    /// <summary>Writes the page; <paramref name="built"/> false says the IDE is enabled but missing from the build.</summary>
    public static Task WriteAsync(HttpContext context, bool built)
    {
        var page = built ? Off : NotBuilt;
        var response = context.Response;
        response.StatusCode = StatusCodes.Status400BadRequest;
        response.Headers.Append(HeaderNames.Vary, HeaderNames.Accept);
        response.Headers.CacheControl = "no-cache";
        response.Headers.ContentSecurityPolicy = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
        response.Headers.XContentTypeOptions = "nosniff";
        response.ContentType = "text/html; charset=utf-8";
        response.ContentLength = page.Length;
        return response.Body.WriteAsync(page, context.RequestAborted).AsTask();
    }

    private static byte[] Render(string why) => Encoding.UTF8.GetBytes(
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>GraphQL endpoint: IDE off</title></head>\n<body>\n"
        + "<h1>GraphQL endpoint</h1>\n"
        + "<p>This URL answers GraphQL requests: <code>POST</code> a JSON body with a <code>query</code>, or <code>GET</code> with a "
        + "<code>query</code> parameter.</p>\n"
        + "<p>" + why + " Query plans (the IDE's plan panel, <code>extensions.queryPlan</code>) need "
        + "<code>Gateway:ExposeQueryPlan</code> too.</p>\n"
        + "<p>Set <code>Gateway:Ide:ExplainWhenOff</code> to <code>false</code> to answer browsers with the plain GraphQL error instead of this page.</p>\n"
        + "</body></html>\n");
}
