using System.Text;
using FederatedGateway.AspNetCore.Tests.Infrastructure;

namespace FederatedGateway.AspNetCore.Tests;

/// <summary>
/// CSRF prevention against the real gateway: requests a browser sends cross-site without a preflight are refused with
/// 400 <c>CSRF_PREVENTED</c> before anything is fetched; preflighted ones, same-origin ones and tools are served.
/// </summary>
public sealed class CsrfTests
{
    private static async Task<(int Status, string Body)> SendAsync(
        CountingGateway gateway, HttpMethod method, string? contentType, params (string Name, string Value)[] headers)
    {
        using var http = new HttpClient();
        var url = method == HttpMethod.Get ? gateway.Endpoint + "?query=%7B%20hello%20%7D" : gateway.Endpoint;
        using var request = new HttpRequestMessage(method, url);
        if (method != HttpMethod.Get)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes("""{"query":"{ hello }"}"""));
            if (contentType is not null)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            }
        }

        request.Headers.TryAddWithoutValidation("Accept", "application/json");
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await http.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static readonly (string, string) CrossSite = ("Sec-Fetch-Site", "cross-site");

    [Fact]
    public async Task Simple_cross_site_requests_are_refused_before_any_fetch()
    {
        await using var gateway = await CountingGateway.StartAsync([]);

        var get = await SendAsync(gateway, HttpMethod.Get, null, CrossSite);
        var form = await SendAsync(gateway, HttpMethod.Post, "application/x-www-form-urlencoded", CrossSite);
        var text = await SendAsync(gateway, HttpMethod.Post, "text/plain", ("Sec-Fetch-Site", "same-site"));
        var foreignOrigin = await SendAsync(gateway, HttpMethod.Get, null, ("Origin", "https://evil.example"));

        foreach (var (status, body) in new[] { get, form, text, foreignOrigin })
        {
            Assert.Equal(400, status);
            Assert.Contains("CSRF_PREVENTED", body, StringComparison.Ordinal);
        }

        Assert.Equal(0, gateway.SubgraphRequests);
    }

    [Fact]
    public async Task Preflighted_same_origin_and_tool_requests_are_served()
    {
        await using var gateway = await CountingGateway.StartAsync([]);

        Assert.Equal(200, (await SendAsync(gateway, HttpMethod.Post, "application/json", CrossSite)).Status);
        Assert.Equal(200, (await SendAsync(gateway, HttpMethod.Get, null, CrossSite, ("apollo-require-preflight", "true"))).Status);
        Assert.Equal(200, (await SendAsync(gateway, HttpMethod.Get, null, ("Sec-Fetch-Site", "same-origin"))).Status);
        Assert.Equal(200, (await SendAsync(gateway, HttpMethod.Get, null)).Status);
        Assert.Equal(4, gateway.SubgraphRequests);
    }

    [Fact]
    public async Task Strict_mode_refuses_every_simple_request_without_a_preflight_header()
    {
        await using var gateway = await CountingGateway.StartAsync(new Dictionary<string, string?> { ["Gateway:Csrf:Strict"] = "true" });

        Assert.Equal(400, (await SendAsync(gateway, HttpMethod.Get, null)).Status);
        Assert.Equal(200, (await SendAsync(gateway, HttpMethod.Get, null, ("graphql-preflight", "1"))).Status);
    }

    [Fact]
    public async Task An_origin_allowed_by_CORS_is_trusted_and_the_check_can_be_turned_off()
    {
        await using var trusted = await CountingGateway.StartAsync(new Dictionary<string, string?> { ["Gateway:Cors:AllowedOrigins:0"] = "https://app.example" });
        await using var off = await CountingGateway.StartAsync(new Dictionary<string, string?> { ["Gateway:Csrf:Enabled"] = "false" });

        Assert.Equal(200, (await SendAsync(trusted, HttpMethod.Get, null, CrossSite, ("Origin", "https://app.example"))).Status);
        Assert.Equal(400, (await SendAsync(trusted, HttpMethod.Get, null, CrossSite, ("Origin", "https://evil.example"))).Status);
        Assert.Equal(200, (await SendAsync(off, HttpMethod.Get, null, CrossSite)).Status);
    }
}
