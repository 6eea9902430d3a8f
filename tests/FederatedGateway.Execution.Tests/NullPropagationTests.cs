using static FederatedGateway.Execution.Tests.TestGraph;

namespace FederatedGateway.Execution.Tests;

/// <summary>A null in a non-null position nulls the nearest nullable parent, as the GraphQL spec says.</summary>
public sealed class NullPropagationTests
{
    private static async Task<System.Text.Json.JsonElement> RunA(string query, string answer) =>
        await Run(query, Root("a", "{__typename}"), new FakeSubgraphs().On("a", answer));

    [Fact]
    public async Task ANullNonNullFieldNullsItsNullableParent()
    {
        var response = await RunA("{ dog { id name } pets { __typename } }", """{"data":{"dog":{"id":"1","name":null},"pets":[]}}""");
        Assert.Equal("""{"dog":null,"pets":[]}""", Data(response));
        var error = Assert.Single(Errors(response));
        Assert.Equal("Cannot return null for non-nullable field Dog.name.", error.GetProperty("message").GetString());
        Assert.Equal("""["dog","name"]""", Path(error));
    }

    [Fact]
    public async Task AMissingNonNullFieldIsANullToo()
    {
        var response = await RunA("{ dog { id name } }", """{"data":{"dog":{"id":"1"}}}""");
        Assert.Equal("""{"dog":null}""", Data(response));
        Assert.Equal("""["dog","name"]""", Path(Assert.Single(Errors(response))));
    }

    [Fact]
    public async Task NullsPropagateThroughNonNullListItemsToTheNullableList()
    {
        // friends: [Dog!] — a friend without a name cannot be null in the list, so the list is.
        var response = await RunA(
            "{ dog { name friends { name } } }",
            """{"data":{"dog":{"name":"Rex","friends":[{"name":"Fido"},{"name":null}]}}}""");
        Assert.Equal("""{"dog":{"name":"Rex","friends":null}}""", Data(response));
        Assert.Equal("""["dog","friends",1,"name"]""", Path(Assert.Single(Errors(response))));
    }

    [Fact]
    public async Task ANullItemInANonNullItemListNullsTheList()
    {
        var response = await RunA("{ dog { name friends { name } } }", """{"data":{"dog":{"name":"Rex","friends":[{"name":"Fido"},null]}}}""");
        Assert.Equal("""{"dog":{"name":"Rex","friends":null}}""", Data(response));
        var error = Assert.Single(Errors(response));
        Assert.Equal("Cannot return null for non-nullable field Dog.friends.", error.GetProperty("message").GetString());
        Assert.Equal("""["dog","friends",1]""", Path(error));
    }

    [Fact]
    public async Task NullableItemsStopThePropagation()
    {
        var response = await RunA("{ grid { name } }", """{"data":{"grid":[[{"name":"Rex"},{"name":null}]]}}""");
        Assert.Equal("""{"grid":[[{"name":"Rex"},null]]}""", Data(response));
        Assert.Equal("""["grid",0,1,"name"]""", Path(Assert.Single(Errors(response))));
    }

    [Fact]
    public async Task NullsReachingTheRootNullData()
    {
        var response = await RunA("{ mustDog { name } dog { name } }", """{"data":{"mustDog":{"name":null},"dog":{"name":"Rex"}}}""");
        Assert.Equal("null", Data(response));
        Assert.Equal("""["mustDog","name"]""", Path(Assert.Single(Errors(response))));
    }

    [Fact]
    public async Task ANonNullListOfNonNullItemsPropagatesToTheRoot()
    {
        var response = await RunA("{ animals { name } }", """{"data":{"animals":[{"__typename":"Cat","name":"Tom"},{"__typename":"Dog","name":null}]}}""");
        Assert.Equal("null", Data(response));
        Assert.Equal("""["animals",1,"name"]""", Path(Assert.Single(Errors(response))));
    }

    [Fact]
    public async Task AFailedFetchOfANonNullRootFieldNullsData()
    {
        // The fetch error sits at the field it left null, which explains the null: no second error.
        var response = await Run("{ requiredCount }", Root("b", "{requiredCount}"), new FakeSubgraphs());
        Assert.Equal("null", Data(response));
        var error = Assert.Single(Errors(response));
        Assert.Equal("SUBREQUEST_HTTP_ERROR", Code(error));
        Assert.Equal("""["requiredCount"]""", Path(error));
    }

    [Fact]
    public async Task OnlyFieldsTheClientAskedForCanNullTheirParent()
    {
        // name is null, but the client did not ask for it.
        var response = await RunA("{ dog { id } }", """{"data":{"dog":{"id":"1","name":null}}}""");
        Assert.Equal("""{"dog":{"id":"1"}}""", Data(response));
        Assert.Empty(Errors(response));
    }

    [Fact]
    public async Task ErrorsComeFirstAndDataAfter()
    {
        var response = await RunA("{ dog { name } }", """{"data":{"dog":{"name":null}}}""");
        Assert.Equal(
            """{"errors":[{"message":"Cannot return null for non-nullable field Dog.name.","path":["dog","name"],"extensions":{}}],"data":{"dog":null}}""",
            response.GetRawText());
    }
}
