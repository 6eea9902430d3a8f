using System.Net.WebSockets;
using System.Text;
using FederatedGateway.FunctionalTests.Infrastructure;
using FederatedGateway.FunctionalTests.Subscriptions;
using Microsoft.Extensions.Logging;

namespace FederatedGateway.FunctionalTests.Hardening;

/// <summary>
/// Bodies that are JSON to a lenient reader but not text the gateway can use: bytes that are not UTF-8, a <c>\u</c>
/// escape that is half a surrogate pair, a key given twice. Each gets 400 with BAD_REQUEST and a message saying
/// which (never a 500, never an Error-level log), over POST, GET, Server-Sent Events and WebSocket alike.
/// </summary>
public sealed class BadBytesTests(EchoGatewayFixture echo) : IClassFixture<EchoGatewayFixture>
{
    /// <summary>The gateway's log entries before this test (the gateway is shared by the class's tests).</summary>
    private readonly int _logsBefore = echo.Gateway.Logs.Entries.Count;

    private const string Query = "query($price: Float) { echo(price: $price) }";

    /// <summary>Body templates: <c>Q</c> is replaced by the JSON-encoded query.</summary>
    public static TheoryData<string, string> InvalidBodies => new()
    {
        // Half a surrogate pair, wherever a string can be.
        { """{"query":"{ echo(price: 1) }\ud800"}""", "surrogate" },
        { """{"query":Q,"operationName":"\udc00"}""", "surrogate" },
        { """{"query":Q,"variables":{"price":1,"note":"\udc00\ud800"}}""", "surrogate" },
        { """{"query":Q,"variables":{"\ud800":1}}""", "surrogate" },
        { """{"query":Q,"extensions":{"trace":{"id":"a\uDBFFb"}}}""", "surrogate" },
        { """{"query":Q,"variables":{"list":[1,["\ud800"]]}}""", "surrogate" },
        // The same key twice, at the top and deeper.
        { """{"query":"{ __typename }","query":Q}""", "Duplicate" },
        { """{"query":Q,"variables":{"price":1},"variables":{"price":2}}""", "Duplicate" },
        { """{"query":Q,"variables":{"numbers":{"price":1,"price":2}}}""", "Duplicate" },
        { """{"query":Q,"extensions":{"a":[{"b":1,"b":1}]}}""", "Duplicate" },
    };

    [Theory]
    [MemberData(nameof(InvalidBodies))]
    public async Task InvalidJsonTextIs400BadRequestSayingWhy(string template, string reason)
    {
        var response = await PostAsync(Encoding.UTF8.GetBytes(template.Replace("Q", Quoted(Query), StringComparison.Ordinal)));

        AssertBadRequest(response, reason);
    }

    [Theory]
    [InlineData(new byte[] { 0xFF })]
    [InlineData(new byte[] { 0xC3, 0x28 })] // a lead byte without its continuation
    [InlineData(new byte[] { 0xC0, 0xAF })] // an overlong '/'
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })] // a surrogate encoded as UTF-8
    [InlineData(new byte[] { 0xF4, 0x90, 0x80, 0x80 })] // past U+10FFFF
    public async Task BytesThatAreNotUtf8Are400BadRequest(byte[] invalid)
    {
        foreach (var (before, after) in new[] { ("""{"query":"{ echo }","operationName":" """, "\"}"), ("""{"query":"{ echo }","variables":{"s":" """, "\"}}") })
        {
            var response = await PostAsync([.. Encoding.UTF8.GetBytes(before.TrimEnd()), .. invalid, .. Encoding.UTF8.GetBytes(after)]);

            AssertBadRequest(response, "UTF-8");
        }
    }

    [Fact]
    public async Task AValidSurrogatePairAndOrdinaryEscapesAreAccepted()
    {
        var response = await PostAsync(Encoding.UTF8.GetBytes(
            $$$"""{"query":{{{Quoted(Query)}}},"operationName":null,"extensions":{"note":"\ud83d\ude00 \u00e9 \\ud800 \"q\""}}"""));

        JsonAssert.Equal("""{"data":{"echo":"ok"}}""", response.Body);
    }

    [Theory]
    [InlineData(@"\\ud800")]
    [InlineData(@"\\udc00x")]
    public async Task GraphQLStringLiteralWithALoneSurrogateEscapeIsRefusedBeforeAnySubgraph(string escape)
    {
        var before = echo.Echo.Received.Count;

        // The JSON is fine (an escaped backslash); the GraphQL string literal holds the \u escape.
        var response = await PostAsync(Encoding.UTF8.GetBytes($$$"""{"query":"{ echo(text: \"{{{escape}}}\") }"}"""));

        Assert.Equal(400, response.Status);
        Assert.StartsWith("GRAPHQL_", Assert.Single(response.Errors).GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal(before, echo.Echo.Received.Count);
        AssertNoErrorLogged();
    }

    [Theory]
    [InlineData("""{"price":1,"x":"\ud800"}""", "surrogate")]
    [InlineData("""{"price":1,"price":2}""", "Duplicate")]
    [InlineData("""{"a":{"b":[{"c":1,"c":1}]}}""", "Duplicate")]
    public async Task GetVariablesAreCheckedTheSameWay(string variables, string reason)
    {
        var response = await GraphQLHttp.GetRawAsync(
            echo.Http, echo.Gateway.Endpoint, "query=" + Uri.EscapeDataString(Query) + "&variables=" + Uri.EscapeDataString(variables));

        AssertBadRequest(response, reason);
    }

    [Fact]
    public async Task GetExtensionsAreCheckedTheSameWay()
    {
        var response = await GraphQLHttp.GetRawAsync(
            echo.Http, echo.Gateway.Endpoint, "query=" + Uri.EscapeDataString(Query) + "&extensions=" + Uri.EscapeDataString("""{"a":"\udfff"}"""));

        AssertBadRequest(response, "surrogate");
    }

    [Fact]
    public async Task ServerSentEventsRequestWithALoneSurrogateIs400()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, echo.Gateway.Endpoint)
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes($$$"""{"query":{{{Quoted(Query)}}},"variables":{"x":"\ud800"}}""")),
        };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.Accept.ParseAdd("text/event-stream");

        using var response = await echo.Http.SendAsync(request);

        Assert.Equal(400, (int)response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("BAD_REQUEST", body);
        Assert.Contains("surrogate", body);
        AssertNoErrorLogged();
    }

    [Theory]
    [InlineData("""{"id":"1","type":"subscribe","payload":{"query":"{ echo }","variables":{"x":"\ud800"}}}""")]
    [InlineData("""{"id":"\udc00","type":"subscribe","payload":{"query":"{ echo }"}}""")]
    [InlineData("""{"id":"1","type":"subscribe","payload":{"query":"{ echo }","query":"{ __typename }"}}""")]
    [InlineData("""{"type":"ping","type":"pong"}""")]
    public async Task WebSocketMessageWithALoneSurrogateOrARepeatedKeyClosesWith4400(string message)
    {
        await using var client = await TransportWsClient.ConnectAndInitAsync(echo.Gateway.Endpoint);

        await client.SendTextAsync(message);

        Assert.Equal(4400, await client.ClosedWithAsync());
        AssertNoErrorLogged();
    }

    [Fact]
    public async Task WebSocketTextThatIsNotUtf8ClosesTheConnection()
    {
        await using var client = await TransportWsClient.ConnectAndInitAsync(echo.Gateway.Endpoint);

        await client.SendTextAsync([.. """{"type":"ping","payload":{"a":" """u8.ToArray(), 0xFF, .. "\"}}"u8.ToArray()]);

        // The WebSocket layer itself refuses text that is not UTF-8: it sends 1007 and the connection ends, at times
        // before the client's side of the close handshake (a reset). The gateway's own check would say 4400.
        int? code;
        try
        {
            code = await client.ClosedWithAsync();
        }
        catch (WebSocketException)
        {
            code = null;
        }

        Assert.True(code is null or 1007 or 4400, $"closed with {code}");
        AssertNoErrorLogged();
        await using var next = await TransportWsClient.ConnectAndInitAsync(echo.Gateway.Endpoint);
    }

    private Task<GraphQLHttpResponse> PostAsync(byte[] body) =>
        GraphQLHttp.PostBytesAsync(echo.Http, echo.Gateway.Endpoint, body, GraphQLHttp.GraphQLResponseJson);

    private static string Quoted(string text) => System.Text.Json.JsonSerializer.Serialize(text);

    private void AssertBadRequest(GraphQLHttpResponse response, string reason)
    {
        Assert.Equal(400, response.Status);
        var error = Assert.Single(response.Errors);
        Assert.Equal("BAD_REQUEST", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Contains(reason, error.GetProperty("message").GetString(), StringComparison.OrdinalIgnoreCase);
        AssertNoErrorLogged();
    }

    private void AssertNoErrorLogged() =>
        Assert.DoesNotContain(echo.Gateway.Logs.Entries.Skip(_logsBefore), e => e.Level >= LogLevel.Error);
}
