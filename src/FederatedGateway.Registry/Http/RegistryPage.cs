using System.Text;
using Microsoft.AspNetCore.Http;

namespace FederatedGateway.Registry.Http;

/// <summary>
/// The registry's page (<see cref="RegistrySettings.PagePath"/>): variants, versions with what each changed, kept
/// checks, and rollback for admin tokens. Plain HTML, CSS and a script embedded in this assembly; all data comes from
/// the HTTP API with the token the user enters.
/// </summary>
internal sealed class RegistryPage(RegistrySettings settings)
{
    private const string Prefix = "FederatedGateway.Registry.Page.";
    private static readonly string[] Files = ["registry.js", "registry.css"];

    public void Map(Microsoft.AspNetCore.Routing.IEndpointRouteBuilder endpoints)
    {
        var page = settings.PagePath.TrimEnd('/');
        var html = Encoding.UTF8.GetBytes(Read("registry.html").Replace("__PAGE__", page, StringComparison.Ordinal).Replace("__API__", settings.Path.TrimEnd('/'), StringComparison.Ordinal));
        endpoints.MapGet(page, context =>
        {
            Secure(context.Response);
            context.Response.ContentType = "text/html; charset=utf-8";
            return context.Response.Body.WriteAsync(html, context.RequestAborted).AsTask();
        });
        foreach (var file in Files)
        {
            var content = Encoding.UTF8.GetBytes(Read(file));
            var type = file.EndsWith(".js", StringComparison.Ordinal) ? "text/javascript; charset=utf-8" : "text/css; charset=utf-8";
            endpoints.MapGet($"{page}/assets/{file}", context =>
            {
                Secure(context.Response);
                context.Response.ContentType = type;
                return context.Response.Body.WriteAsync(content, context.RequestAborted).AsTask();
            });
        }
    }

    private static void Secure(HttpResponse response)
    {
        response.Headers.CacheControl = "no-cache";
        response.Headers.ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'; frame-ancestors 'none'";
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers["Referrer-Policy"] = "no-referrer";
    }

    private static string Read(string file)
    {
        using var stream = typeof(RegistryPage).Assembly.GetManifestResourceStream(Prefix + file)
            ?? throw new InvalidOperationException($"The registry page's {file} is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
