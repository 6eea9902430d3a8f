namespace FederatedGateway.AspNetCore.Tests.Authorization;

/// <summary><c>Gateway:Authorization:RejectUnauthorized</c>: a request that selects anything denied is refused whole, nothing fetched.</summary>
public sealed class RejectUnauthorizedTests : IAsyncLifetime
{
    private AuthorizationGraph _graph = null!;

    public async Task InitializeAsync() => _graph = await AuthorizationGraph.StartAsync(rejectUnauthorized: true);

    public async Task DisposeAsync() => await _graph.DisposeAsync();

    [Fact]
    public async Task A_denied_field_refuses_the_whole_request_before_any_fetch()
    {
        var (status, body) = await _graph.PostAsync("{ me { name email } orderCount }", _graph.Token("orders:read"));

        Assert.Equal(400, status);
        Assert.False(body.TryGetProperty("data", out _));
        var error = Assert.Single(body.GetProperty("errors").EnumerateArray());
        Assert.Equal("UNAUTHORIZED_FIELD_OR_TYPE", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Contains("email", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Empty(_graph.SubgraphDocuments);
    }

    [Fact]
    public async Task An_entitled_caller_is_answered()
    {
        var (status, body) = await _graph.PostAsync("{ me { name email } }", _graph.Token("pii:read"));

        Assert.Equal(200, status);
        Assert.Equal("""{"me":{"name":"Ada","email":"ada@desk.test"}}""", body.GetProperty("data").GetRawText());
    }

    [Fact]
    public async Task A_denied_field_that_the_request_skips_refuses_nothing()
    {
        var (status, body) = await _graph.SendAsync(
            new { query = "query Q($withMail: Boolean!) { me { name email @include(if: $withMail) } }", variables = new { withMail = false } },
            _graph.Token("orders:read"));

        Assert.Equal(200, status);
        Assert.Equal("""{"me":{"name":"Ada"}}""", body.GetProperty("data").GetRawText());
    }
}
