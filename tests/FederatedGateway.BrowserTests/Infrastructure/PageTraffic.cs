using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace FederatedGateway.BrowserTests.Infrastructure;

/// <summary>
/// Watches what a page loads: requests to any other origin than the gateway's are aborted and recorded (the IDE
/// must work offline), WebSocket URLs, uncaught page errors and console errors are recorded.
/// </summary>
internal sealed class PageTraffic
{
    private readonly string _origin;

    private PageTraffic(string origin) => _origin = origin;

    public ConcurrentQueue<string> ExternalRequests { get; } = new();

    public ConcurrentQueue<string> GatewayRequests { get; } = new();

    public ConcurrentQueue<string> WebSockets { get; } = new();

    public ConcurrentQueue<string> Errors { get; } = new();

    public static async Task<PageTraffic> WatchAsync(IPage page, Uri gateway)
    {
        var traffic = new PageTraffic(gateway.GetLeftPart(UriPartial.Authority));
        await page.RouteAsync("**/*", async route =>
        {
            var url = route.Request.Url;
            if (traffic.IsGateway(url) || url.StartsWith("data:", StringComparison.Ordinal) || url.StartsWith("blob:", StringComparison.Ordinal))
            {
                traffic.GatewayRequests.Enqueue(url);
                await route.ContinueAsync();
            }
            else
            {
                traffic.ExternalRequests.Enqueue(url);
                await route.AbortAsync();
            }
        });
        page.WebSocket += (_, socket) => traffic.WebSockets.Enqueue(socket.Url);
        page.PageError += (_, error) => traffic.Errors.Enqueue("page error: " + error);
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                traffic.Errors.Enqueue("console error: " + message.Text);
            }
        };
        return traffic;
    }

    public bool IsGateway(string url)
    {
        var origin = url.Replace("ws://", "http://", StringComparison.Ordinal).Replace("wss://", "https://", StringComparison.Ordinal);
        return origin.StartsWith(_origin + "/", StringComparison.Ordinal) || origin == _origin;
    }
}
