using FederatedGateway.Testing.Execution;

namespace FederatedGateway.Execution.Tests.Federation;

/// <summary>
/// A subgraph may return an enum value the API schema hides (<c>@inaccessible</c>). The client must never see it:
/// the value completes to null with an error, and null propagates like any other field error.
/// </summary>
public sealed class InaccessibleEnumValueTests
{
    private static readonly string Sdl = TinySupergraph.Sdl(
        """KITCHEN @join__graph(name: "kitchen", url: "http://kitchen")""",
        """
        enum Spice @join__type(graph: KITCHEN) {
          MILD @join__enumValue(graph: KITCHEN)
          HOT @join__enumValue(graph: KITCHEN)
          GHOST_PEPPER @join__enumValue(graph: KITCHEN) @inaccessible
        }
        type Dish @join__type(graph: KITCHEN) {
          name: String!
          spice: Spice
          strictSpice: Spice!
          spices: [Spice!]
        }
        type Query @join__type(graph: KITCHEN) {
          dishes: [Dish!]! @join__field(graph: KITCHEN)
        }
        """);

    private static FakeSubgraphs Kitchen() => new FakeSubgraphs().On("kitchen", _ =>
        """{"data":{"dishes":[{"name":"soup","spice":"GHOST_PEPPER","strictSpice":"MILD","spices":["HOT"]},{"name":"curry","spice":"HOT","strictSpice":"GHOST_PEPPER","spices":["MILD","GHOST_PEPPER"]}]}}""");

    [Fact]
    public async Task HiddenValueInANullableFieldBecomesNullWithAnError()
    {
        var response = await TinySupergraph.RunAsync(Sdl, Kitchen(), "{ dishes { name spice } }");
        Assert.Equal("""[{"name":"soup","spice":null},{"name":"curry","spice":"HOT"}]""", Data(response).GetProperty("dishes").GetRawText());
        Assert.Equal("""["dishes",0,"spice"]""", Assert.Single(Errors(response)).GetProperty("path").GetRawText());
    }

    [Fact]
    public async Task HiddenValueInANonNullFieldNullsTheNearestNullableParent()
    {
        // curry's strictSpice is hidden and non-null: curry is null, so is the non-null list holding it, and data.
        var response = await TinySupergraph.RunAsync(Sdl, Kitchen(), "{ dishes { name strictSpice } }");
        Assert.Equal(System.Text.Json.JsonValueKind.Null, Data(response).ValueKind);
        Assert.Equal("""["dishes",1,"strictSpice"]""", Assert.Single(Errors(response)).GetProperty("path").GetRawText());
    }

    [Fact]
    public async Task HiddenValueInAListOfNonNullItemsNullsTheList()
    {
        var response = await TinySupergraph.RunAsync(Sdl, Kitchen(), "{ dishes { name spices } }");
        Assert.Equal("""[{"name":"soup","spices":["HOT"]},{"name":"curry","spices":null}]""", Data(response).GetProperty("dishes").GetRawText());
        Assert.Equal("""["dishes",1,"spices",1]""", Assert.Single(Errors(response)).GetProperty("path").GetRawText());
    }

    private static System.Text.Json.JsonElement Data(string response) => System.Text.Json.JsonDocument.Parse(response).RootElement.GetProperty("data");

    private static List<System.Text.Json.JsonElement> Errors(string response) =>
        System.Text.Json.JsonDocument.Parse(response).RootElement.GetProperty("errors").EnumerateArray().ToList();
}
