using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.Logging;

namespace FederatedGateway.OpenApi.Tests.Gateway;

/// <summary>
/// A REST service on Kestrel (loopback, free port, http or https) with the endpoints a test maps; every call logged as
/// <c>METHOD /path?query</c> and what <c>describe</c> says of it (by default its Authorization header).
/// </summary>
public sealed class TestApi : IAsyncDisposable
{
    private readonly List<string> _calls = [];
    private WebApplication _app = null!;

    public string Url => _app.Urls.First();

    public IReadOnlyList<string> Calls
    {
        get
        {
            lock (_calls)
            {
                return [.. _calls];
            }
        }
    }

    public static async Task<TestApi> StartAsync(Action<WebApplication> map, Action<HttpsConnectionAdapterOptions>? https = null, Func<HttpRequest, string>? describe = null)
    {
        describe ??= request => $"auth={request.Headers.Authorization}";
        var api = new TestApi();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrelHttpsConfiguration();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, 0, listen =>
        {
            if (https is not null)
            {
                listen.UseHttps(https);
            }
        }));
        builder.Logging.ClearProviders();
        var app = api._app = builder.Build();
        app.Use(async (context, next) =>
        {
            lock (api._calls)
            {
                api._calls.Add($"{context.Request.Method} {context.Request.Path}{context.Request.QueryString} {describe(context.Request)}");
            }

            await next(context);
        });
        map(app);
        await app.StartAsync();
        return api;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
