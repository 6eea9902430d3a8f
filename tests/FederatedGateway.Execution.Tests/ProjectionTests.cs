using static FederatedGateway.Execution.Tests.TestGraph;

namespace FederatedGateway.Execution.Tests;

/// <summary>The response is the client's selection projected over the merged data, nothing more.</summary>
public sealed class ProjectionTests
{
    private const string Zoo =
        """{"data":{"animals":[{"__typename":"Dog","id":"1","name":"Rex","weight":30},{"__typename":"Cat","name":"Tom","lives":9}],"pets":[{"__typename":"Cat","name":"Tom","lives":9},{"__typename":"Dog","id":"1","name":"Rex"},null]}}""";

    private static FakeSubgraphs ZooSubgraph() => new FakeSubgraphs().On("a", Zoo);

    [Fact]
    public async Task AnObjectOfAConcreteTypeIsCompletedAsThatTypeWhateverItsTypenameSays()
    {
        // dog is a Dog: an answer calling it a Cat changes neither its __typename nor which fragments apply.
        var response = await Run(
            "{ dog { __typename name ... on Dog { id } } }",
            Root("a", "{dog{__typename name id}}"),
            new FakeSubgraphs().On("a", """{"data":{"dog":{"__typename":"Cat","name":"Rex","id":"1"}}}"""));

        Assert.Equal("""{"dog":{"__typename":"Dog","name":"Rex","id":"1"}}""", Data(response));
    }

    [Fact]
    public async Task AliasesTypenameAndFragmentsOnInterfacesAndUnions()
    {
        var response = await Run(
            """
            {
              beasts: animals { kind: __typename name ... on Dog { heavy: weight } ... on Cat { lives } }
              pets { __typename ... on Cat { lives } ... PetDog }
            }
            fragment PetDog on Dog { name }
            """,
            Root("a", "{__typename}"),
            new FakeSubgraphs().On("a", Zoo.Replace("\"animals\"", "\"beasts\"", StringComparison.Ordinal).Replace("\"weight\"", "\"heavy\"", StringComparison.Ordinal)));
        Assert.Equal(
            """{"beasts":[{"kind":"Dog","name":"Rex","heavy":30},{"kind":"Cat","name":"Tom","lives":9}],"pets":[{"__typename":"Cat","lives":9},{"__typename":"Dog","name":"Rex"},null]}""",
            Data(response));
    }

    [Fact]
    public async Task KeysAndTypenamesThePlannerAddedDoNotLeak()
    {
        var response = await Run("{ animals { name } }", Root("a", "{__typename}"), ZooSubgraph());
        Assert.Equal("""{"animals":[{"name":"Rex"},{"name":"Tom"}]}""", Data(response));
    }

    [Fact]
    public async Task FieldsFollowTheClientsOrderAndMergeByResponseName()
    {
        var fake = new FakeSubgraphs().On("a", """{"data":{"dog":{"weight":30,"id":"1","name":"Rex","__typename":"Dog"}}}""");
        var response = await Run(
            "{ dog { ... on Dog { name } id ... on Animal { name } weight ... on Dog { id } } __typename }",
            Root("a", "{__typename}"),
            fake);
        Assert.Equal("""{"dog":{"name":"Rex","id":"1","weight":30},"__typename":"Query"}""", Data(response));
    }

    [Fact]
    public async Task WithoutTypenameTheDeclaredObjectTypeDecidesFragments()
    {
        var fake = new FakeSubgraphs().On("a", """{"data":{"dog":{"name":"Rex"}}}""");
        var response = await Run("{ dog { t: __typename ... on Dog { name } ... on Cat { lives } } }", Root("a", "{__typename}"), fake);
        Assert.Equal("""{"dog":{"t":"Dog","name":"Rex"}}""", Data(response));
    }

    [Fact]
    public async Task SkipAndIncludeFollowTheBooleanVariables()
    {
        const string query = "query($on: Boolean!) { animals { name @skip(if: $on) t: __typename @include(if: $on) ... on Dog @include(if: $on) { weight } } }";
        var on = await Run(Prepare(query, Root("a", "{__typename}")), ZooSubgraph(), """{"on":true}""");
        Assert.Equal("""{"animals":[{"t":"Dog","weight":30},{"t":"Cat"}]}""", Data(on));
        var off = await Run(Prepare(query, Root("a", "{__typename}")), ZooSubgraph(), """{"on":false}""");
        Assert.Equal("""{"animals":[{"name":"Rex"},{"name":"Tom"}]}""", Data(off));
    }

    [Fact]
    public async Task NestedListsAndNullsAreProjectedItemByItem()
    {
        var fake = new FakeSubgraphs().On("a", """{"data":{"dog":{"tags":[["a",null],null,[]]},"grid":[[{"name":"Rex","id":"1"}],[null]]}}""");
        var response = await Run("{ dog { tags } grid { name } }", Root("a", "{__typename}"), fake);
        Assert.Equal("""{"dog":{"tags":[["a",null],null,[]]},"grid":[[{"name":"Rex"}],[null]]}""", Data(response));
    }

    [Fact]
    public async Task FieldsNoSubgraphAnsweredAreNull()
    {
        var fake = new FakeSubgraphs().On("a", """{"data":{"dog":{"name":"Rex"}}}""");
        var response = await Run("{ dog { name owner } pets { __typename } }", Root("a", "{__typename}"), fake);
        Assert.Equal("""{"dog":{"name":"Rex","owner":null},"pets":null}""", Data(response));
    }

    [Fact]
    public async Task IntrospectionFieldsAreCopiedFromTheIntrospectionAnswer()
    {
        var fake = new FakeSubgraphs().On("b", """{"data":{"count":3}}""");
        var response = await Run(
            Prepare("""{ t: __type(name: "Dog") { name } count __typename }""", Root("b", "{count}")),
            fake,
            introspection: """{"t":{"name":"Dog"}}""");
        Assert.Equal("""{"t":{"name":"Dog"},"count":3,"__typename":"Query"}""", Data(response));
    }

    [Fact]
    public async Task AnOperationWithoutFetchesWritesOnlyWhatTheGatewayKnows()
    {
        var fake = new FakeSubgraphs();
        var response = await Run(Prepare("{ __typename }", null), fake);
        Assert.Equal("""{"data":{"__typename":"Query"}}""", response.GetRawText());
        Assert.Empty(fake.Requests);
    }

    [Fact]
    public async Task PlanNodesRunInOrderInParallelAndByCondition()
    {
        var fake = new FakeSubgraphs()
            .On("a", body => body.GetProperty("query").GetString() == "query{dog{name}}" ? """{"data":{"dog":{"name":"Rex"}}}""" : """{"data":{"dog":{"weight":1}}}""")
            .On("b", """{"data":{"count":3}}""");
        var plan = Parallel(
            new Core.Planning.Nodes.ConditionNode("heavy", Root("a", "{dog{weight}}"), Root("a", "{dog{name}}")),
            Root("b", "{count}"));
        const string query = "query($heavy: Boolean!) { dog { name @skip(if: $heavy) weight @include(if: $heavy) } count }";

        var light = await Run(Prepare(query, plan), fake, """{"heavy":false}""");
        Assert.Equal("""{"dog":{"name":"Rex"},"count":3}""", Data(light));
        var heavy = await Run(Prepare(query, plan), fake, """{"heavy":true}""");
        Assert.Equal("""{"dog":{"weight":1},"count":3}""", Data(heavy));
    }

    [Fact]
    public async Task RootFetchesOfTheSameFieldMergeDeeply()
    {
        var fake = new FakeSubgraphs()
            .On("a", """{"data":{"dog":{"name":"Rex","friends":[{"name":"Fido"}]}}}""")
            .On("b", """{"data":{"dog":{"owner":"ann","friends":[{"owner":"bob"}]}}}""");
        var response = await Run("{ dog { name owner friends { name owner } } }", Parallel(Root("a", "{__typename}"), Root("b", "{__typename}")), fake);
        Assert.Equal("""{"dog":{"name":"Rex","owner":"ann","friends":[{"name":"Fido","owner":"bob"}]}}""", Data(response));
    }

    [Fact]
    public async Task ObjectsOfTypesTheSchemaDoesNotKnowAreNull()
    {
        var fake = new FakeSubgraphs().On("a", """{"data":{"pets":[{"__typename":"Secret","name":"x"},{"__typename":"Cat","name":"Tom"}]}}""");
        var response = await Run("{ pets { ... on Cat { name } } }", Root("a", "{__typename}"), fake);
        Assert.Equal("""{"pets":[null,{"name":"Tom"}]}""", Data(response));
    }

    [Fact]
    public async Task ScalarsWhereObjectsOrListsBelongAreNull()
    {
        var fake = new FakeSubgraphs().On("a", """{"data":{"dog":"oops","pets":3,"grid":[["x"]]}}""");
        var response = await Run("{ dog { name } pets { __typename } grid { name } }", Root("a", "{__typename}"), fake);
        Assert.Equal("""{"dog":null,"pets":null,"grid":[[null]]}""", Data(response));
        Assert.Empty(Errors(response));

        fake = new FakeSubgraphs().On("a", """{"data":{"mustDog":"oops"}}""");
        response = await Run("{ mustDog { name } }", Root("a", "{__typename}"), fake);
        Assert.Equal("null", Data(response));
        Assert.Equal("""["mustDog"]""", Path(Assert.Single(Errors(response))));
    }
}
