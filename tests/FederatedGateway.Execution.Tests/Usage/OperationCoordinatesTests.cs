using FederatedGateway.Core.Operations;
using FederatedGateway.Core.Planning;
using FederatedGateway.Core.Schema;
using FederatedGateway.Core.Supergraph;
using FederatedGateway.Execution.Usage;
using GraphQLParser.AST;

namespace FederatedGateway.Execution.Tests.Usage;

/// <summary>The schema coordinates usage analytics records per operation: fields, arguments, enum values, input fields.</summary>
public sealed class OperationCoordinatesTests
{
    private static readonly FederatedSchema Schema = SupergraphReader.Read(TestGraph.Sdl.Replace(
        "type Query @join__type(graph: A) @join__type(graph: B) {",
        """
        enum Sort @join__type(graph: A) { NAME WEIGHT }
        input Filter @join__type(graph: A) { sort: Sort, minWeight: Int, nested: Filter }
        type Query @join__type(graph: A) @join__type(graph: B) {
          search(filter: Filter, sorts: [Sort!], first: Int): [Dog] @join__field(graph: A)
        """,
        StringComparison.Ordinal));

    [Fact]
    public void Fields_through_fragments_and_abstract_types_count_on_the_type_they_are_selected_on()
    {
        var coordinates = Collect("""
            query { animals { name ... on Dog { id ...Owner } } pets { __typename ... on Cat { lives } } }
            fragment Owner on Dog { owner }
            """);

        Assert.Equal(["Animal.name", "Cat.lives", "Dog.id", "Dog.owner", "Query.animals", "Query.pets"], coordinates);
    }

    [Fact]
    public void Arguments_enum_literals_and_input_object_fields_are_recorded_nested_and_in_lists()
    {
        var coordinates = Collect("""
            query { search(filter: { sort: WEIGHT, nested: { minWeight: 3 } }, sorts: [NAME], first: 2) { aka: name } }
            """);

        Assert.Equal(
            ["Dog.name", "Filter.minWeight", "Filter.nested", "Filter.sort", "Query.search", "Query.search(filter:)", "Query.search(first:)", "Query.search(sorts:)", "Sort.NAME", "Sort.WEIGHT"],
            coordinates);
    }

    [Fact]
    public void Variables_record_the_argument_but_not_the_values_they_carry()
    {
        var coordinates = Collect("query($f: Filter) { search(filter: $f) { id } __typename }");

        Assert.Equal(["Dog.id", "Query.search", "Query.search(filter:)"], coordinates);
    }

    [Fact]
    public void The_profile_hash_is_the_sha256_of_the_document_text()
    {
        var operation = Prepare("query Named { dog { id } }");

        var profile = OperationUsageProfile.Of(operation, Schema);

        Assert.Equal("Named", profile.OperationName);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("query Named { dog { id } }"u8)), profile.DocumentHash);
    }

    private static string[] Collect(string query) => [.. OperationCoordinates.Collect(Prepare(query), Schema)];

    private static PreparedOperation Prepare(string query)
    {
        var document = GraphQLParser.Parser.Parse(query);
        var operation = document.Definitions.OfType<GraphQLOperationDefinition>().Single();
        var fragments = document.Definitions.OfType<GraphQLFragmentDefinition>().ToDictionary(f => f.FragmentName.Name.StringValue);
        var root = new SelectionSetBuilder(Schema, fragments).Build("Query", operation.SelectionSet);
        return new PreparedOperation(OperationKind.Query, operation.Name?.StringValue, "Query", root, Array.Empty<VariableDefinition>(), document, operation, new QueryPlan(null));
    }
}
