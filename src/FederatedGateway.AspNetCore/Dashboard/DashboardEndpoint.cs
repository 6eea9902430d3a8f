using System.Security.Claims;
using System.Text;
using FederatedGateway.AspNetCore.Authentication;
using FederatedGateway.AspNetCore.Ide;
using FederatedGateway.Execution.Authorization;
using FederatedGateway.Execution.Gateway;
using FederatedGateway.Execution.Requests;
using Microsoft.AspNetCore.Http;

namespace FederatedGateway.AspNetCore.Dashboard;

/// <summary>
/// Serves the dashboard: its page at <c>{path}</c>, its built files (bundled with the IDE) at
/// <c>{path}/assets/{file}</c> and its data at <c>{path}/api/report</c>. The data is for operators only: it needs
/// <see cref="DashboardSettings.Policy"/>, or an authenticated caller when authentication is configured.
/// </summary>
internal sealed class DashboardEndpoint(
    DashboardSettings settings, DashboardReportBuilder reports, IGatewayExecutor executor, GatewayAuthenticator authenticator, IAuthorizationPolicyEvaluator? policies)
{
    public const string PageName = "dashboard.html";
    private const string BasePlaceholder = "__FGW_DASHBOARD_BASE__";

    public string Path => settings.Path;

    /// <summary>Whether it is served: on by setting, or in the Development environment when the setting is unset.</summary>
    public bool IsEnabled { get; init; }

    public Task WritePageAsync(HttpContext context)
    {
        var template = IdeAssets.Shared.Value.Find(PageName);
        if (template is null)
        {
            // Built with -p:FederatedGatewaySkipIde=true: no page, the data stays available.
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }

        var request = context.Request;
        var basePath = request.PathBase.Add(new PathString(settings.Path)).Value ?? settings.Path;
        var page = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(template.Content).Replace(BasePlaceholder, System.Net.WebUtility.HtmlEncode(basePath), StringComparison.Ordinal));
        var headers = context.Response.Headers;
        headers.CacheControl = "no-cache";
        headers.ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.ContentLength = page.Length;
        return context.Response.Body.WriteAsync(page, context.RequestAborted).AsTask();
    }

    public Task ServeAssetAsync(HttpContext context)
    {
        var name = context.Request.RouteValues["file"] as string;
        var asset = name is null || name is IdeAssets.PageName or PageName ? null : IdeAssets.Shared.Value.Find(name);
        if (asset is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }

        return IdeAssetResponse.WriteAsync(context, asset);
    }

    public async Task WriteReportAsync(HttpContext context)
    {
        var refusal = await RefusalAsync(context).ConfigureAwait(false);
        context.Response.Headers.CacheControl = "no-store";
        if (refusal is { } status)
        {
            context.Response.StatusCode = status;
            await context.Response.WriteAsJsonAsync(new DashboardRefusal(status == StatusCodes.Status401Unauthorized ? "UNAUTHENTICATED" : "FORBIDDEN"), DashboardJsonContext.Default.DashboardRefusal, cancellationToken: context.RequestAborted).ConfigureAwait(false);
            return;
        }

        var snapshot = (executor as FederatedGatewayExecutor)?.Snapshot;
        var report = await reports.BuildAsync(snapshot, context.RequestAborted).ConfigureAwait(false);
        await context.Response.WriteAsJsonAsync(report, DashboardJsonContext.Default.DashboardReport, cancellationToken: context.RequestAborted).ConfigureAwait(false);
    }

    private ValueTask<int?> RefusalAsync(HttpContext context) => new EndpointAccess(settings.Policy, authenticator, policies).RefusalAsync(context);
}
