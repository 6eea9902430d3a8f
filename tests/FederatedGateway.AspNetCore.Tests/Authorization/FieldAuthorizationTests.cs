using System.Text.Json;

namespace FederatedGateway.AspNetCore.Tests.Authorization;

/// <summary>
/// Protected fields of the trading graph read through every route (plain, aliases, named and inline fragments,
/// interfaces, unions, entity fetches, <c>@requires</c>, introspection): no subgraph is ever sent a protected field
/// the caller may not see (checked in the subgraphs' own logs), and the response has <c>null</c> and an
/// <c>UNAUTHORIZED_FIELD_OR_TYPE</c> error with its path at each such field, and every other value.
/// </summary>
public sealed class FieldAuthorizationTests : IAsyncLifetime
{
    private AuthorizationGraph _graph = null!;

    public async Task InitializeAsync() => _graph = await AuthorizationGraph.StartAsync();

    public async Task DisposeAsync() => await _graph.DisposeAsync();

    [Fact]
    public async Task A_caller_without_the_scope_gets_null_and_an_error_and_the_subgraph_never_sees_the_field()
    {
        var (status, body) = await _graph.PostAsync("{ me { id name email } }", _graph.Token("orders:read"));

        Assert.Equal(200, status);
        Assert.Equal("""{"id":"t1","name":"Ada","email":null}""", body.GetProperty("data").GetProperty("me").GetRawText());
        AssertErrors(body, ["me", "email"]);
        AssertNeverSent("email");
        Assert.Contains(_graph.Accounts.Documents, d => d.Contains("name", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_caller_with_the_scope_gets_the_field()
    {
        var (_, body) = await _graph.PostAsync("{ me { id email } }", _graph.Token("pii:read"));

        Assert.Equal("""{"id":"t1","email":"ada@desk.test"}""", body.GetProperty("data").GetProperty("me").GetRawText());
        Assert.False(body.TryGetProperty("errors", out _));
    }

    [Fact]
    public async Task An_anonymous_caller_gets_nothing_protected_even_a_field_it_would_have_the_scope_for()
    {
        var (_, body) = await _graph.PostAsync("{ me { name risk limit } }");

        Assert.Equal("""{"name":"Ada","risk":null,"limit":null}""", body.GetProperty("data").GetProperty("me").GetRawText());
        AssertErrors(body, ["me", "risk"], ["me", "limit"]);
        AssertNeverSent("risk", "limit");
    }

    [Fact]
    public async Task Aliases_and_named_fragments_do_not_hide_a_protected_field()
    {
        var (_, body) = await _graph.PostAsync(
            "query { traders { who: name mail: email ...Contact } } fragment Contact on Trader { again: email id }",
            _graph.Token("orders:read"));

        Assert.Equal(
            """[{"who":"Ada","mail":null,"again":null,"id":"t1"},{"who":"Alan","mail":null,"again":null,"id":"t2"}]""",
            body.GetProperty("data").GetProperty("traders").GetRawText());
        AssertErrors(body, ["traders", 0, "mail"], ["traders", 0, "again"], ["traders", 1, "mail"], ["traders", 1, "again"]);
        AssertNeverSent("email");
    }

    [Fact]
    public async Task Fragments_on_a_union_null_the_field_only_on_objects_of_the_fragment_type()
    {
        var (_, body) = await _graph.PostAsync(
            "{ search { __typename ... on Trader { name email } ... on Desk { name pnl } } }", _graph.Token("pii:read"));

        Assert.Equal(
            """[{"__typename":"Trader","name":"Ada","email":"ada@desk.test"},{"__typename":"Desk","name":"Equities","pnl":null},{"__typename":"Trader","name":"Alan","email":"alan@desk.test"}]""",
            body.GetProperty("data").GetProperty("search").GetRawText());
        AssertErrors(body, ["search", 1, "pnl"]);
        AssertNeverSent("pnl");
    }

    [Fact]
    public async Task A_protected_type_behind_an_interface_is_removed_for_anonymous_callers()
    {
        var (_, body) = await _graph.PostAsync("{ desk: node(id: \"d1\") { id ... on Desk { name } } trader: node(id: \"t1\") { ... on Trader { name } } }");

        // Desk is @authenticated: an anonymous caller may read neither Node.id (a Desk may be behind it) nor a Desk's
        // fields; the null of the non-null id takes the whole desk, the Trader is answered.
        Assert.Equal("""{"desk":null,"trader":{"name":"Ada"}}""", body.GetProperty("data").GetRawText());
        AssertErrors(body, ["desk", "id"], ["desk", "name"]);
    }

    [Fact]
    public async Task Entity_fetches_never_carry_a_protected_field_and_its_null_bubbles_to_the_nullable_list()
    {
        var (_, body) = await _graph.PostAsync("{ me { name orders { id quantity secretNote } } }", _graph.Token("orders:read"));

        // secretNote is String! in Order!, so the null goes up to the nullable list orders.
        Assert.Equal("""{"name":"Ada","orders":null}""", body.GetProperty("data").GetProperty("me").GetRawText());
        AssertErrors(body, ["me", "orders", 0, "secretNote"], ["me", "orders", 1, "secretNote"]);
        AssertNeverSent("secretNote");
        Assert.Contains(_graph.Orders.Documents, d => d.Contains("_entities", StringComparison.Ordinal) && d.Contains("quantity", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Either_set_of_scopes_opens_a_field()
    {
        var (_, body) = await _graph.PostAsync("{ me { orders { id secretNote } } }", _graph.Token("compliance"));

        Assert.Equal(
            """{"orders":[{"id":"o1","secretNote":"front-run the close"},{"id":"o2","secretNote":"client is nervous"}]}""",
            body.GetProperty("data").GetProperty("me").GetRawText());
    }

    [Fact]
    public async Task A_required_field_is_fetched_only_for_the_subgraph_that_needs_it_and_never_returned()
    {
        var (_, body) = await _graph.PostAsync("{ me { name remainingCapacity } }", _graph.Token("orders:read"));

        Assert.Equal("""{"me":{"name":"Ada","remainingCapacity":3}}""", body.GetProperty("data").GetRawText());
        Assert.False(body.TryGetProperty("errors", out _));

        // accounts is asked for maxOpenOrders once, to build the orders subgraph's representations for @requires;
        // the value goes to orders and never to the client.
        Assert.Single(_graph.Accounts.Documents, d => d.Contains("maxOpenOrders", StringComparison.Ordinal));
        var entities = Assert.Single(_graph.Orders.Documents);
        Assert.Contains("_entities", entities, StringComparison.Ordinal);
        Assert.DoesNotContain("maxOpenOrders", body.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Asking_for_the_required_field_itself_gets_its_null_which_takes_the_parent_since_it_is_non_null()
    {
        var (_, body) = await _graph.PostAsync("{ me { remainingCapacity maxOpenOrders } }", _graph.Token("orders:read"));

        Assert.Equal("""{"me":null}""", body.GetProperty("data").GetRawText());
        AssertErrors(body, ["me", "maxOpenOrders"]);
        Assert.DoesNotContain("\"maxOpenOrders\":5", body.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Policies_are_ASP_NET_Core_authorization_policies()
    {
        var (_, denied) = await _graph.PostAsync("{ me { limit } }", _graph.Token("pii:read"));
        var (_, allowed) = await _graph.PostAsync("{ me { limit } }", _graph.Token("desk:head"));

        Assert.Equal("""{"limit":null}""", denied.GetProperty("data").GetProperty("me").GetRawText());
        Assert.Equal("""{"limit":1000000}""", allowed.GetProperty("data").GetProperty("me").GetRawText());
    }

    [Fact]
    public async Task An_API_key_s_scopes_count_like_a_token_s()
    {
        var (_, body) = await _graph.PostAsync("{ me { risk maxOpenOrders email } }", AuthorizationGraph.ApiKeyHeader);

        Assert.Equal("""{"risk":"HIGH","maxOpenOrders":5,"email":null}""", body.GetProperty("data").GetProperty("me").GetRawText());
        AssertErrors(body, ["me", "email"]);
    }

    [Fact]
    public async Task Introspection_describes_protected_fields_without_fetching_anything()
    {
        var (_, body) = await _graph.PostAsync("{ __type(name: \"Trader\") { fields { name } } }");

        var fields = body.GetProperty("data").GetProperty("__type").GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("name").GetString()).ToList();
        Assert.Contains("email", fields);
        Assert.Empty(_graph.SubgraphDocuments);
    }

    [Fact]
    public async Task An_operation_of_only_protected_fields_still_answers_with_nulls()
    {
        var (_, body) = await _graph.PostAsync("{ me { email } }");

        Assert.Equal("""{"me":{"email":null}}""", body.GetProperty("data").GetRawText());
        AssertNeverSent("email");
    }

    [Fact]
    public async Task A_streamed_answer_is_redacted_like_a_single_one()
    {
        var body = Assert.Single(await _graph.StreamAsync("{ me { name email } }", _graph.Token("orders:read")));

        Assert.Equal("""{"name":"Ada","email":null}""", body.GetProperty("data").GetProperty("me").GetRawText());
        AssertErrors(body, ["me", "email"]);
        AssertNeverSent("email");
    }

    [Fact]
    public async Task Each_subscription_event_is_redacted_and_the_subscribing_document_never_asks_for_the_field()
    {
        var events = await _graph.StreamAsync("subscription { traderUpdated { name email orders { id secretNote } } }", _graph.Token("pii:read"));

        Assert.Equal(2, events.Count);
        Assert.Equal("""{"name":"Ada","email":"ada@desk.test","orders":null}""", events[0].GetProperty("data").GetProperty("traderUpdated").GetRawText());
        Assert.Equal("""{"name":"Alan","email":"alan@desk.test","orders":null}""", events[1].GetProperty("data").GetProperty("traderUpdated").GetRawText());
        AssertErrors(events[0], ["traderUpdated", "orders", 0, "secretNote"], ["traderUpdated", "orders", 1, "secretNote"]);
        AssertErrors(events[1], ["traderUpdated", "orders", 0, "secretNote"]);
        AssertNeverSent("secretNote");
        Assert.Contains(_graph.Accounts.Documents, d => d.Contains("traderUpdated", StringComparison.Ordinal));
    }

    private void AssertNeverSent(params string[] fields)
    {
        foreach (var document in _graph.SubgraphDocuments)
        {
            foreach (var field in fields)
            {
                Assert.DoesNotMatch(@"\b" + field + @"\b", document);
            }
        }
    }

    private static void AssertErrors(JsonElement body, params object[][] paths)
    {
        var errors = body.GetProperty("errors").EnumerateArray()
            .Where(e => e.GetProperty("extensions").GetProperty("code").GetString() == "UNAUTHORIZED_FIELD_OR_TYPE")
            .Select(e => e.GetProperty("path").GetRawText())
            .Order(StringComparer.Ordinal)
            .ToList();
        var expected = paths.Select(p => JsonSerializer.Serialize(p)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, errors);
    }
}
