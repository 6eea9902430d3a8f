using FederatedGateway.Core.Planning.Nodes;
using static FederatedGateway.Execution.Tests.TestGraph;

namespace FederatedGateway.Execution.Tests;

/// <summary>
/// An entity answer merged into several objects (one representation, several targets): what a later fetch writes
/// under one of them, and what completes to null under one of them, stays there.
/// </summary>
public sealed class SharedAnswerTests
{
    // dog and mustDog are the same entity: one representation, one answer (their friends) for both.
    private const string TwoDogsOneEntity = """{"data":{"dog":{"__typename":"Dog","id":"1"},"mustDog":{"__typename":"Dog","id":"1"}}}""";
    private const string TheirFriends =
        """{"data":{"_entities":[{"friends":[{"__typename":"Dog","id":"7","name":"Max","friends":[{"__typename":"Dog","id":"8","name":"Rex"}]}]}]}}""";

    private static PlanNode FriendsOfBoth() =>
        Flatten(Entities("a", "...on Dog{friends{__typename id name friends{__typename id name}}}", Requirement("Dog", "id")), "dog", "mustDog");

    [Fact]
    public async Task A_later_fetch_under_one_holder_of_a_shared_answer_leaves_the_other_as_it_was()
    {
        var fake = new FakeSubgraphs()
            .On("a", body => body.GetProperty("query").GetString()!.Contains("friends", StringComparison.Ordinal) ? TheirFriends : TwoDogsOneEntity)
            .On("b", """{"data":{"_entities":[{"owner":"ann"}]}}""");
        var plan = Sequence(
            Root("a", "{dog{__typename id} mustDog{__typename id}}"),
            FriendsOfBoth(),
            Flatten(Entities("b", "...on Dog{owner}", Requirement("Dog", "id")), "dog.friends.@.friends.@"));

        // The friend of a friend sits in the friends list both dogs got from the one answer, one level down.
        var response = await Run("{ dog { friends { friends { name owner } } } mustDog { friends { friends { name owner } } } }", plan, fake);

        Assert.Single(fake.BodiesFor("b"));
        Assert.Equal(
            """{"dog":{"friends":[{"friends":[{"name":"Rex","owner":"ann"}]}]},"mustDog":{"friends":[{"friends":[{"name":"Rex","owner":null}]}]}}""",
            Data(response));
    }

    [Fact]
    public async Task An_object_of_a_shared_answer_nulled_under_one_selection_is_written_under_another()
    {
        var fake = new FakeSubgraphs()
            .On("a", body => body.GetProperty("query").GetString()!.Contains("friends", StringComparison.Ordinal) ? TheirFriends : TwoDogsOneEntity);
        var plan = Sequence(Root("a", "{dog{__typename id} mustDog{__typename id}}"), FriendsOfBoth());

        // Under dog the friend lacks barks (Boolean!), so it nulls the nullable friends list; under mustDog it is complete.
        var response = await Run("{ dog { friends { name barks } } mustDog { friends { name } } }", plan, fake);

        Assert.Equal("""{"dog":{"friends":null},"mustDog":{"friends":[{"name":"Max"}]}}""", Data(response));
        Assert.Equal("""["dog","friends",0,"barks"]""", Path(Assert.Single(Errors(response))));
    }
}
