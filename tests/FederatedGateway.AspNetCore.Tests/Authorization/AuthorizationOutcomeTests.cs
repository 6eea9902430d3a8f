using System.Text.Json;

namespace FederatedGateway.AspNetCore.Tests.Authorization;

/// <summary>
/// How the authorized operation is made and kept: variables and conditions of removed fields, fragments on an
/// interface, and plans cached per authorization outcome (callers with the same entitlements share one), not per caller.
/// </summary>
public sealed class AuthorizationOutcomeTests : IAsyncLifetime
{
    private AuthorizationGraph _graph = null!;

    public async Task InitializeAsync() => _graph = await AuthorizationGraph.StartAsync();

    public async Task DisposeAsync() => await _graph.DisposeAsync();

    [Fact]
    public async Task Plans_are_cached_per_authorization_outcome_not_per_caller()
    {
        const string query = "{ me { name email } }";
        var before = _graph.CachedOperations;

        await _graph.PostAsync(query, _graph.Token("orders:read", subject: "alice"));
        Assert.Equal(before + 2, _graph.CachedOperations); // the client's operation and its authorized form

        var (_, bob) = await _graph.PostAsync(query, _graph.Token("orders:read", subject: "bob"));
        Assert.Equal(before + 2, _graph.CachedOperations); // bob is entitled to what alice is: the same plan
        Assert.Equal("""{"name":"Ada","email":null}""", bob.GetProperty("data").GetProperty("me").GetRawText());

        var (_, carol) = await _graph.PostAsync(query, _graph.Token("pii:read", subject: "carol"));
        Assert.Equal(before + 2, _graph.CachedOperations); // nothing denied: the client's own plan
        Assert.Equal("""{"name":"Ada","email":"ada@desk.test"}""", carol.GetProperty("data").GetProperty("me").GetRawText());
    }

    [Fact]
    public async Task An_operation_touching_nothing_protected_runs_as_it_is()
    {
        var before = _graph.CachedOperations;

        var (_, body) = await _graph.PostAsync("{ traders { id name } orderCount }");

        Assert.Equal(before + 1, _graph.CachedOperations);
        Assert.Equal("""{"traders":[{"id":"t1","name":"Ada"},{"id":"t2","name":"Alan"}],"orderCount":3}""", body.GetProperty("data").GetRawText());
    }

    [Fact]
    public async Task Variables_and_conditions_of_removed_fields_are_handled()
    {
        var (status, body) = await _graph.SendAsync(
            new
            {
                query = "query Q($id: ID!, $withMail: Boolean!, $skipName: Boolean!) { node(id: $id) { ... on Trader { name @skip(if: $skipName) email @include(if: $withMail) } } desk: node(id: \"d1\") { ... on Desk { pnl } } }",
                variables = new { id = "t2", withMail = true, skipName = false },
            },
            _graph.Token("orders:read"));

        Assert.Equal(200, status);
        Assert.Equal("""{"node":{"name":"Alan","email":null},"desk":{"pnl":null}}""", body.GetProperty("data").GetRawText());
        var paths = body.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("path").GetRawText()).Order().ToList();
        Assert.Equal(["""["desk","pnl"]""", """["node","email"]"""], paths);
    }

    [Fact]
    public async Task A_skipped_protected_field_gets_no_error()
    {
        var (_, body) = await _graph.SendAsync(
            new { query = "query Q($withMail: Boolean!) { me { name email @include(if: $withMail) } }", variables = new { withMail = false } },
            _graph.Token("orders:read"));

        Assert.Equal("""{"me":{"name":"Ada"}}""", body.GetProperty("data").GetRawText());
        Assert.False(body.TryGetProperty("errors", out _));
    }

    [Fact]
    public async Task A_field_whose_whole_selection_is_removed_is_still_answered_as_an_object()
    {
        var (_, body) = await _graph.PostAsync("{ search { ... on Desk { pnl } } }", _graph.Token("orders:read"));

        // Traders match no fragment ({}), the desk's pnl is null with an error.
        Assert.Equal("""[{},{"pnl":null},{}]""", body.GetProperty("data").GetProperty("search").GetRawText());
        Assert.Equal(JsonValueKind.Array, body.GetProperty("errors").ValueKind);
    }
}
