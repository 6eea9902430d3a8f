using System.Net;
using System.Text;
using System.Text.Json;

namespace FederatedGateway.AspNetCore.Ide;

/// <summary>The IDE's HTML page: the built index.html with the asset folder and the page settings filled in.</summary>
internal static class IdePage
{
    /// <param name="template">The built index.html (<c>{{assets}}</c> and <c>{{config}}</c> placeholders).</param>
    /// <param name="endpointPath">The GraphQL endpoint's path, e.g. <c>/graphql</c> (with the path base).</param>
    /// <param name="queryPlanExposed">Whether the executor returns query plans; null when unknown.</param>
    public static byte[] Render(byte[] template, string endpointPath, bool? queryPlanExposed)
    {
        var assets = AssetsPath(endpointPath);
        // The default encoder escapes '<', '>' and '&', so the JSON cannot close the <script> element it sits in.
        var config = JsonSerializer.Serialize(new PageConfig(endpointPath, assets, queryPlanExposed), PageConfigContext.Default.PageConfig);
        var html = Encoding.UTF8.GetString(template)
            .Replace("{{assets}}", WebUtility.HtmlEncode(assets), StringComparison.Ordinal)
            .Replace("{{config}}", config, StringComparison.Ordinal);
        return Encoding.UTF8.GetBytes(html);
    }

    /// <summary>Where the IDE's files are served: <c>&lt;endpoint&gt;/ide</c>.</summary>
    public static string AssetsPath(string endpointPath) => endpointPath.TrimEnd('/') + "/ide";

    /// <summary>
    /// Everything the page loads comes from the gateway: scripts, styles, fonts and Monaco's workers from the IDE's
    /// folder, requests to the endpoint (HTTP and WebSocket). Monaco sets inline styles, fonts may be data URLs.
    /// </summary>
    public static string ContentSecurityPolicy(string host, bool https)
    {
        var socket = (https ? "wss://" : "ws://") + host;
        return "default-src 'self'; script-src 'self'; worker-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "font-src 'self' data:; img-src 'self' data:; connect-src 'self' " + socket + "; "
            + "base-uri 'none'; form-action 'none'; frame-ancestors 'self'; object-src 'none'";
    }
}
