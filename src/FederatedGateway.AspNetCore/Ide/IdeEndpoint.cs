using FederatedGateway.Execution.Gateway;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace FederatedGateway.AspNetCore.Ide;

/// <summary>
/// Serves the built-in IDE: the page at the GraphQL endpoint to browsers (a GET preferring <c>text/html</c>), and its
/// files under <c>&lt;endpoint&gt;/ide/</c>. Every other request goes to the GraphQL endpoint unchanged.
/// </summary>
internal sealed class IdeEndpoint
{
    private readonly Lazy<IdeAssets> _assets = IdeAssets.Shared;
    private readonly bool? _queryPlanExposed;
    private readonly bool _built;

    public IdeEndpoint(IOptions<GatewayOptions> options, IServiceProvider services, ILogger<IdeEndpoint> logger)
    {
        var wanted = options.Value.Ide.Enabled ?? services.GetService<IHostEnvironment>()?.IsDevelopment() ?? false;
        var built = IdeAssets.AreEmbedded(typeof(IdeEndpoint).Assembly);
        if (wanted && !built)
        {
            IdeLog.NotBuilt(logger);
        }

        IsEnabled = wanted && built;
        _built = built;
        ExplainsWhenOff = !IsEnabled && options.Value.Ide.ExplainWhenOff;
        var executor = services.GetService<FederatedGatewayExecutor>();
        _queryPlanExposed = executor?.ExposeQueryPlan;
        if (IsEnabled && executor is { AllowIntrospection: false })
        {
            IdeLog.IntrospectionOff(logger);
        }
    }

    public bool IsEnabled { get; }

    /// <summary>The IDE is off and browsers opening the endpoint get <see cref="IdeOffPage"/> (<c>Gateway:Ide:ExplainWhenOff</c>).</summary>
    public bool ExplainsWhenOff { get; }

    /// <summary>The GraphQL endpoint's handler, with browsers' page requests answered by the IDE page instead.</summary>
    public RequestDelegate WithPage(RequestDelegate graphQL) => context =>
        IsPageRequest(context.Request) ? WritePageAsync(context) : graphQL(context);

    /// <summary>
    /// The GraphQL endpoint's handler, with browsers' page requests for the bare URL (no query string: a GraphQL 400)
    /// answered by <see cref="IdeOffPage"/>; a browser GET with a query, a persisted query's id or anything else in its
    /// query string is GraphQL over HTTP as before.
    /// </summary>
    public RequestDelegate WithOffPage(RequestDelegate graphQL) => context =>
        IsPageRequest(context.Request) && !context.Request.QueryString.HasValue ? IdeOffPage.WriteAsync(context, _built) : graphQL(context);

    private static bool IsPageRequest(HttpRequest request) =>
        HttpMethods.IsGet(request.Method) && HtmlNegotiation.PrefersHtml(request.Headers.Accept);

    private Task WritePageAsync(HttpContext context)
    {
        var request = context.Request;
        var page = IdePage.Render(_assets.Value.Find(IdeAssets.PageName)!.Content, (request.PathBase + request.Path).Value ?? "/", _queryPlanExposed);
        var headers = context.Response.Headers;
        headers.Append(HeaderNames.Vary, HeaderNames.Accept);
        headers.CacheControl = "no-cache";
        headers.ContentSecurityPolicy = IdePage.ContentSecurityPolicy(request.Host.Value ?? "localhost", request.IsHttps);
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.ContentLength = page.Length;
        return context.Response.Body.WriteAsync(page, context.RequestAborted).AsTask();
    }

    /// <summary>GET <c>&lt;endpoint&gt;/ide/{file}</c>: a built file, brotli-compressed when the client accepts it; 304 when unchanged.</summary>
    public Task ServeAssetAsync(HttpContext context)
    {
        var response = context.Response;
        var name = context.Request.RouteValues["file"] as string;
        var asset = name is null || name == IdeAssets.PageName ? null : _assets.Value.Find(name);
        if (asset is null)
        {
            response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }

        return IdeAssetResponse.WriteAsync(context, asset);
    }
}
