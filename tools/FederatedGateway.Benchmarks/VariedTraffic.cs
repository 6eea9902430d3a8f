using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using FederatedGateway.Core.Supergraph;
using FederatedGateway.Testing.Generation;

namespace FederatedGateway.Benchmarks;

/// <summary>
/// The operations of the load benchmark's varied traffic (<c>TRAFFIC=varied</c> in tools/loadbench): distinct query
/// operations generated over the benchmark graph (fields, arguments, aliases, fragments, <c>@skip</c>/<c>@include</c>,
/// variables; small to medium answers), deterministic for a seed, and a few mutations with variables, written one
/// JSON request body per line. The load tool sends them in an order shuffled with its own seed.
/// </summary>
public static class VariedTraffic
{
    /// <summary>Argument values the benchmark subgraphs know (and one they do not), so answers are not all null.</summary>
    private static readonly SampleArguments Samples = new SampleArguments()
        .Add("Query.user.id", "\"1\"", "\"2\"", "\"3\"", "\"404\"")
        .Add("Query.topProducts.first", "1", "2", "3", "5");

    private static readonly (string Query, string Variables)[] Mutations =
    [
        ("mutation Rename($id: ID!, $name: String!) { renameUser(id: $id, name: $name) { id name username } }", "{\"id\":\"1\",\"name\":\"Ada\"}"),
        ("mutation Rename($id: ID!, $name: String!) { renameUser(id: $id, name: $name) { id name username } }", "{\"id\":\"2\",\"name\":\"Grace\"}"),
        ("mutation Rename($id: ID!, $name: String!) { renameUser(id: $id, name: $name) { id name } }", "{\"id\":\"404\",\"name\":\"Nobody\"}"),
        ("mutation Rename($id: ID!) { renameUser(id: $id, name: \"Linus\") { name birthday } }", "{\"id\":\"3\"}"),
        ("mutation Add($upc: String!, $body: String!) { addReview(upc: $upc, body: $body) { id body product { upc name price } } }", "{\"upc\":\"1\",\"body\":\"Sturdy\"}"),
        ("mutation Add($upc: String!, $body: String!) { addReview(upc: $upc, body: $body) { id product { name inStock shippingEstimate } author { username } } }", "{\"upc\":\"2\",\"body\":\"Fine\"}"),
        ("mutation Add($upc: String!) { addReview(upc: $upc, body: \"ok\") { body author { id username } } }", "{\"upc\":\"3\"}"),
        ("mutation Both($id: ID!, $upc: String!) { renameUser(id: $id, name: \"X\") { id name } addReview(upc: $upc, body: \"b\") { id body } }", "{\"id\":\"1\",\"upc\":\"1\"}"),
        ("mutation Add($upc: String!, $body: String!) { addReview(upc: $upc, body: $body) { product { reviews { id body } } } }", "{\"upc\":\"1\",\"body\":\"again\"}"),
        ("mutation Rename($id: ID!, $name: String!) { renamed: renameUser(id: $id, name: $name) { __typename id name } }", "{\"id\":\"3\",\"name\":\"Margaret\"}"),
    ];

    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// Writes <paramref name="count"/> distinct query bodies, less those numbered (1-based, in generation order) in
    /// <paramref name="excluded"/>, and the mutations to <paramref name="output"/>. Excluded are the queries some
    /// peer gateway answers differently from ours and the monolith (see tools/loadbench/data/varied/README.md), so
    /// that every gateway is measured doing the same, correct work.
    /// </summary>
    public static int Write(string supergraphPath, string output, int count, int seed, IReadOnlySet<int> excluded)
    {
        var model = new ApiModel(SupergraphReader.Read(File.ReadAllText(supergraphPath)), Samples);
        // As clients write operations: each field once per selection set, no alias colliding with another field's
        // name, few aliases, conditions and fragments (the differential tests repeat and collide on purpose, where
        // some peers answer wrongly).
        var generator = new OperationGenerator(
            model, seed, maxDepth: 4, collidingAliases: 0, plainAliases: 0.05, directives: 0.05, objectFragments: 0.03, distinctFields: true);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var lines = new List<string>();
        for (var attempts = 0; lines.Count < count && attempts < count * 20; attempts++)
        {
            var operation = generator.Next();
            var body = new JsonObject { ["query"] = operation.Query, ["variables"] = operation.Variables }.ToJsonString(Readable);
            if (seen.Add(body))
            {
                lines.Add(body);
            }
        }

        lines = [.. lines.Where((_, index) => !excluded.Contains(index + 1))];

        foreach (var (query, variables) in Mutations)
        {
            lines.Add(new JsonObject { ["query"] = query, ["variables"] = JsonNode.Parse(variables) }.ToJsonString(Readable));
        }

        File.WriteAllLines(output, lines);
        var sizes = lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("query").GetString()!.Length).Order().ToList();
        Console.WriteLine($"{lines.Count} operations ({lines.Count - Mutations.Length} queries, {Mutations.Length} mutations; document length median {sizes[sizes.Count / 2]}, max {sizes[^1]} chars) written to {output}");
        return lines.Count - Mutations.Length == count - excluded.Count ? 0 : 1;
    }
}
