using System.Net;
using System.Net.WebSockets;
using System.Text;
using static FederatedGateway.AspNetCore.Tests.Authentication.AuthenticatedGateway;

namespace FederatedGateway.AspNetCore.Tests.Authentication;

/// <summary>
/// Authentication configured but not required: anonymous requests are served, yet credentials that are sent must be
/// good, over every transport (POST, SSE, the WebSocket upgrade).
/// </summary>
public sealed class OptionalAuthenticationTests : IAsyncLifetime
{
    private AuthenticatedGateway _gateway = null!;

    public async Task InitializeAsync() => _gateway = await StartAsync(required: false);

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    [Fact]
    public async Task An_anonymous_request_is_served()
    {
        var (status, body, _) = await _gateway.PostAsync("{ hello }");

        Assert.Equal(200, status);
        Assert.Equal("world", body.GetProperty("data").GetProperty("hello").GetString());
    }

    [Fact]
    public async Task A_bad_token_is_refused_even_where_anonymous_requests_are_served()
    {
        var (status, body, _) = await _gateway.PostAsync("{ hello }", Bearer(_gateway.Idp.Token(lifetime: TimeSpan.FromMinutes(-5))));

        Assert.Equal(401, status);
        Assert.Equal("UNAUTHENTICATED", body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal(0, _gateway.SubgraphRequests);
    }

    [Fact]
    public async Task A_bad_token_on_a_server_sent_events_request_gets_401()
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, _gateway.Endpoint)
        {
            Content = new StringContent("""{"query":"{ hello }"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.ParseAdd("text/event-stream");
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer not.a.jwt");

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("UNAUTHENTICATED", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_token_on_a_WebSocket_upgrade_gets_401_and_no_socket()
    {
        using var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol("graphql-transport-ws");
        socket.Options.SetRequestHeader("Authorization", "Bearer not.a.jwt");
        socket.Options.CollectHttpResponseDetails = true;

        await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(new Uri(_gateway.Endpoint.Replace("http://", "ws://", StringComparison.Ordinal)), CancellationToken.None));
        Assert.Equal(HttpStatusCode.Unauthorized, socket.HttpStatusCode);
    }

    [Fact]
    public async Task A_good_token_on_a_WebSocket_upgrade_opens_the_socket()
    {
        using var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol("graphql-transport-ws");
        socket.Options.SetRequestHeader("Authorization", "Bearer " + _gateway.Idp.Token());

        await socket.ConnectAsync(new Uri(_gateway.Endpoint.Replace("http://", "ws://", StringComparison.Ordinal)), CancellationToken.None);

        Assert.Equal(WebSocketState.Open, socket.State);
    }
}
