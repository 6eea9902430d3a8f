using System.Text.Json;
using FederatedGateway.Core.Operations;
using static FederatedGateway.Execution.Tests.TestGraph;

namespace FederatedGateway.Execution.Tests;

/// <summary>Root fetch bodies, and entity fetches: which objects are found, what is sent, where answers go.</summary>
public sealed class EntityFetchTests
{
    private const string FourAnimals =
        """{"data":{"animals":[{"__typename":"Dog","id":"1","name":"Rex"},{"__typename":"Cat","name":"Tom"},{"__typename":"Dog","id":"2","name":"Fido"},{"__typename":"Dog","id":"1","name":"Rex"}]}}""";

    private static string Representations(JsonElement body) => body.GetProperty("variables").GetProperty("representations").GetRawText();

    [Fact]
    public async Task RootFetchWithoutVariablesSendsOnlyTheQuery()
    {
        var fake = new FakeSubgraphs().On("b", """{"data":{"count":3}}""");
        var response = await Run("{ count }", Root("b", "{count}"), fake, """{"unused":1}""");
        Assert.Equal("""{"count":3}""", Data(response));
        Assert.Equal("""{"query":"query{count}"}""", Assert.Single(fake.Requests).Body);
    }

    [Fact]
    public async Task RootFetchForwardsOnlyTheVariablesItUsesAsTheClientSentThem()
    {
        var fake = new FakeSubgraphs().On("b", """{"data":{"count":3}}""");
        await Run("{ count }", Root("b", "query($x:Int,$y:[String],$z:Int){count}"), fake, """{"x":1.50,"y":["a",null],"other":true}""");
        Assert.Equal("""{"query":"query($x: Int, $y: [String], $z: Int){count}","variables":{"x":1.50,"y":["a",null]}}""", Assert.Single(fake.Requests).Body);
    }

    [Fact]
    public async Task IdenticalRepresentationsAreSentOnceAndAnsweredEverywhere()
    {
        var fake = new FakeSubgraphs()
            .On("a", FourAnimals)
            .On("b", """{"data":{"_entities":[{"owner":"ann"},{"owner":"bob"}]}}""");
        var plan = Sequence(Root("a", "{animals{__typename name ...on Dog{id}}}"), Flatten(Entities("b", "...on Dog{owner}", Requirement("Dog", "id")), "animals.@"));
        var response = await Run("{ animals { name ... on Dog { owner } } }", plan, fake);

        Assert.Equal("""[{"__typename":"Dog","id":"1"},{"__typename":"Dog","id":"2"}]""", Representations(fake.BodiesFor("b").Single()));
        Assert.Equal(
            """{"animals":[{"name":"Rex","owner":"ann"},{"name":"Tom"},{"name":"Fido","owner":"bob"},{"name":"Rex","owner":"ann"}]}""",
            Data(response));
    }

    [Fact]
    public async Task RepresentationsCarryRequiredFieldsAndTheSubgraphsTypename()
    {
        var fake = new FakeSubgraphs()
            .On("a", """{"data":{"animals":[{"__typename":"Dog","id":"1","weight":30},{"__typename":"Dog","id":"2","weight":null}]}}""")
            .On("b", """{"data":{"_entities":[{"size":"L"},{"size":null}]}}""");
        var plan = Sequence(
            Root("a", "{animals{__typename ...on Dog{id weight}}}"),
            Flatten(Entities("b", "...on Animal{size}", Requirement("Dog", "id weight", representationTypename: "Animal")), "animals.@"));
        var response = await Run("{ animals { ... on Dog { size } } }", plan, fake);

        // A nullable @requires field without a value is sent as null.
        Assert.Equal("""[{"__typename":"Animal","id":"1","weight":30},{"__typename":"Animal","id":"2","weight":null}]""", Representations(fake.BodiesFor("b").Single()));
        Assert.Equal("""{"animals":[{"size":"L"},{"size":null}]}""", Data(response));
    }

    [Fact]
    public async Task PlainKeysAreWrittenAsTheSubgraphSentThemWhetherLeavesOrLists()
    {
        // Leaves are copied with the subgraph's own escaping; a key field holding lists is written whole.
        var fake = new FakeSubgraphs()
            .On("a", """{"data":{"animals":[{"__typename":"Dog","id":"1\u0022","tags":[["a",null],[]]},{"__typename":"Dog","id":"2","tags":null}]}}""")
            .On("b", body => body.GetProperty("query").GetString()!.Contains("owner", StringComparison.Ordinal)
                ? """{"data":{"_entities":[{"owner":"ann"},{"owner":"bob"}]}}"""
                : """{"data":{"_entities":[{"size":"S"},{"size":"M"}]}}""");
        var plan = Sequence(
            Root("a", "{animals{__typename ...on Dog{id tags}}}"),
            Flatten(Entities("b", "...on Dog{owner}", Requirement("Dog", "id")), "animals.@"),
            Flatten(Entities("b", "...on Dog{size}", Requirement("Dog", "id tags")), "animals.@"));
        var response = await Run("{ animals { ... on Dog { owner size } } }", plan, fake);

        var bodies = fake.BodiesFor("b").ToArray();
        Assert.Equal("""[{"__typename":"Dog","id":"1\u0022"},{"__typename":"Dog","id":"2"}]""", Representations(bodies[0]));
        Assert.Equal("""[{"__typename":"Dog","id":"1\u0022","tags":[["a",null],[]]},{"__typename":"Dog","id":"2","tags":null}]""", Representations(bodies[1]));
        Assert.Equal("""{"animals":[{"owner":"ann","size":"S"},{"owner":"bob","size":"M"}]}""", Data(response));
    }

    [Fact]
    public async Task NestedRequiredFieldsFollowInlineFragmentsByTypename()
    {
        var fake = new FakeSubgraphs()
            .On("a", """{"data":{"dog":{"__typename":"Dog","id":"1","friends":[{"__typename":"Dog","id":"2","name":"Fido"}]}}}""")
            .On("b", """{"data":{"_entities":[{"owner":"ann"}]}}""");
        var plan = Sequence(
            Root("a", "{dog{__typename id friends{__typename id name}}}"),
            Flatten(Entities("b", "...on Dog{owner}", Requirement("Dog", "id friends { __typename ... on Animal { name } }")), "dog"));
        await Run("{ dog { owner } }", plan, fake);
        Assert.Equal("""[{"__typename":"Dog","id":"1","friends":[{"__typename":"Dog","name":"Fido"}]}]""", Representations(fake.BodiesFor("b").Single()));
    }

    [Fact]
    public async Task FlatAndNestedKeysMixInOneBatchByTypename()
    {
        // Cats have a flat key (written from prepared bytes), dogs one with a sub-selection (written the general way);
        // a cat without its non-null key field is not sent, a repeated cat is sent once.
        var fake = new FakeSubgraphs()
            .On("a", """{"data":{"animals":[{"__typename":"Dog","id":"1","friends":[{"__typename":"Dog","name":"Fido"}]},{"__typename":"Cat","name":"Tom\u0021"},{"__typename":"Cat"},{"__typename":"Dog","id":"2","friends":[]},{"__typename":"Cat","name":"Tom\u0021"}]}}""")
            .On("b", """{"data":{"_entities":[{"owner":"ann"},{"owner":"cy"},{"owner":"bob"}]}}""");
        var plan = Sequence(
            Root("a", "{animals{__typename ...on Dog{id friends{__typename name}} ...on Cat{name}}}"),
            Flatten(
                Entities("b", "...on Dog{owner} ...on Cat{owner}", Requirement("Dog", "id friends { __typename ... on Animal { name } }"), Requirement("Cat", "name")),
                "animals.@"));
        await Run("{ animals { name } }", plan, fake);
        Assert.Equal(
            """[{"__typename":"Dog","id":"1","friends":[{"__typename":"Dog","name":"Fido"}]},{"__typename":"Cat","name":"Tom\u0021"},{"__typename":"Dog","id":"2","friends":[]}]""",
            Representations(fake.BodiesFor("b").Single()));
    }

    [Fact]
    public async Task ObjectsWithoutTypenameOrKeyAreNotSent()
    {
        var fake = new FakeSubgraphs()
            .On("a", """{"data":{"animals":[{"id":"1"},{"__typename":"Dog"},{"__typename":"Dog","id":null},{"__typename":"Cat","name":"Tom"},{"__typename":"Dog","id":"4"}]}}""")
            .On("b", """{"data":{"_entities":[{"owner":"dan"}]}}""");
        var plan = Sequence(Root("a", "{animals{__typename}}"), Flatten(Entities("b", "...on Dog{owner}", Requirement("Dog", "id")), "animals.@"));
        var response = await Run("{ animals { ... on Dog { owner } } }", plan, fake);
        Assert.Equal("""[{"__typename":"Dog","id":"4"}]""", Representations(fake.BodiesFor("b").Single()));
        Assert.Equal("""{"owner":"dan"}""", response.GetProperty("data").GetProperty("animals")[4].GetRawText());
    }

    [Fact]
    public async Task NoRepresentationsMeansNoRequest()
    {
        var fake = new FakeSubgraphs()
            .On("a", """{"data":{"animals":[{"__typename":"Cat","name":"Tom"}],"dog":null}}""")
            .On("b", """{"data":{"_entities":[]}}""");
        var plan = Sequence(
            Root("a", "{animals{__typename name} dog{__typename id}}"),
            Parallel(
                Flatten(Entities("b", "...on Dog{owner}", Requirement("Dog", "id")), "animals.@"),
                Flatten(Entities("b", "...on Dog{owner}", Requirement("Dog", "id")), "dog")));
        var response = await Run("{ animals { name } dog { owner } }", plan, fake);
        Assert.DoesNotContain(fake.Requests, r => r.Service == "b");
        Assert.Equal("""{"animals":[{"name":"Tom"}],"dog":null}""", Data(response));
    }

    [Fact]
    public async Task TypeFiltersKeepOnlyObjectsOfTheType()
    {
        var fake = new FakeSubgraphs()
            .On("a", """{"data":{"pets":[{"__typename":"Cat","name":"Tom"},{"__typename":"Dog","id":"1","name":"Rex"},null]}}""")
            .On("b", """{"data":{"_entities":[{"owner":"ann"}]}}""");

        // The requirement (on Animal) would take cats too; the path's type filter does not.
        var plan = Sequence(Root("a", "{pets{__typename}}"), Flatten(Entities("b", "...on Dog{owner}", Requirement("Animal", "name")), "pets.@|[Dog]"));
        var response = await Run("{ pets { ... on Dog { owner } ... on Cat { name } } }", plan, fake);
        Assert.Equal("""[{"__typename":"Dog","name":"Rex"}]""", Representations(fake.BodiesFor("b").Single()));
        Assert.Equal("""{"pets":[{"name":"Tom"},{"owner":"ann"},null]}""", Data(response));
    }

    [Fact]
    public async Task NestedListsAreFlattened()
    {
        var fake = new FakeSubgraphs()
            .On("a", """{"data":{"grid":[[{"__typename":"Dog","id":"1"},null],[],null,[{"__typename":"Dog","id":"2"}]]}}""")
            .On("b", """{"data":{"_entities":[{"owner":"ann"},{"owner":"bob"}]}}""");
        var plan = Sequence(Root("a", "{grid{__typename id}}"), Flatten(Entities("b", "...on Dog{owner}", Requirement("Dog", "id")), "grid.@"));
        var response = await Run("{ grid { owner } }", plan, fake);
        Assert.Equal("""{"grid":[[{"owner":"ann"},null],[],null,[{"owner":"bob"}]]}""", Data(response));
    }

    [Fact]
    public async Task SeveralPathsShareOneRequestAndNullEntitiesAreSkipped()
    {
        var fake = new FakeSubgraphs()
            .On("a", """{"data":{"dog":{"__typename":"Dog","id":"1","name":"Rex"},"animals":[{"__typename":"Dog","id":"2","name":"Fido"},{"__typename":"Dog","id":"1","name":"Rex"}]}}""")
            .On("b", """{"data":{"_entities":[{"owner":"ann"},null]}}""");
        var plan = Sequence(
            Root("a", "{dog{__typename id name} animals{__typename ...on Dog{id name}}}"),
            Flatten(Entities("b", "...on Dog{owner}", Requirement("Dog", "id")), "dog", "animals.@|[Dog]"));
        var response = await Run("{ dog { owner } animals { name ... on Dog { owner } } }", plan, fake);
        Assert.Single(fake.Requests, r => r.Service == "b");
        Assert.Equal("""[{"__typename":"Dog","id":"1"},{"__typename":"Dog","id":"2"}]""", Representations(fake.BodiesFor("b").Single()));
        Assert.Equal("""{"dog":{"owner":"ann"},"animals":[{"name":"Fido","owner":null},{"name":"Rex","owner":"ann"}]}""", Data(response));
    }

    [Fact]
    public async Task EntityFetchesForwardTheirVariablesNextToRepresentations()
    {
        var fake = new FakeSubgraphs()
            .On("a", """{"data":{"dog":{"__typename":"Dog","id":"1"}}}""")
            .On("b", """{"data":{"_entities":[{"owner":"ann"}]}}""");
        var plan = Sequence(
            Root("a", "{dog{__typename id}}"),
            Flatten(EntitiesWithVariables("b", "...on Dog{owner}", new[] { new VariableDefinition("v", "String", null) }, Requirement("Dog", "id")), "dog"));
        await Run("{ dog { owner } }", plan, fake, """{"v":"x","w":"y"}""");
        var body = fake.BodiesFor("b").Single();
        Assert.Equal("""{"representations":[{"__typename":"Dog","id":"1"}],"v":"x"}""", body.GetProperty("variables").GetRawText());
    }

    [Fact]
    public async Task EntityAnswersMergeDeeplyIntoTheirObjects()
    {
        var fake = new FakeSubgraphs()
            .On("a", """{"data":{"dog":{"__typename":"Dog","id":"1","friends":[{"__typename":"Dog","id":"2","name":"Fido"}]}}}""")
            .On("b", """{"data":{"_entities":[{"owner":"ann","friends":[{"barks":true}]}]}}""");
        var plan = Sequence(Root("a", "{dog{__typename}}"), Flatten(Entities("b", "...on Dog{owner}", Requirement("Dog", "id")), "dog"));
        var response = await Run("{ dog { owner friends { name barks } } }", plan, fake);
        Assert.Equal("""{"dog":{"owner":"ann","friends":[{"name":"Fido","barks":true}]}}""", Data(response));
    }

    [Fact]
    public async Task TheAnswerOfAFetchIsVisibleToTheNextFetchInASequence()
    {
        // b's answer gives the dog a weight that c (also "b" here, another entity fetch) requires.
        var fake = new FakeSubgraphs()
            .On("a", """{"data":{"dog":{"__typename":"Dog","id":"1"}}}""")
            .On("b", body => Representations(body).Contains("weight", StringComparison.Ordinal)
                ? """{"data":{"_entities":[{"size":"XL"}]}}"""
                : """{"data":{"_entities":[{"weight":50}]}}""");
        var plan = Sequence(
            Root("a", "{dog{__typename id}}"),
            Flatten(Entities("b", "...on Dog{weight}", Requirement("Dog", "id")), "dog"),
            Flatten(Entities("b", "...on Dog{size}", Requirement("Dog", "id weight")), "dog"));
        var response = await Run("{ dog { size } }", plan, fake);
        Assert.Equal("""{"dog":{"size":"XL"}}""", Data(response));
        Assert.Equal("""[{"__typename":"Dog","id":"1","weight":50}]""", Representations(fake.BodiesFor("b").Last()));
    }
}
