using System.Text.Json;
using FederatedGateway.Core.Operations;
using FederatedGateway.Core.Schema;
using FederatedGateway.Core.Supergraph;
using FederatedGateway.Core.Tests.Composition;

namespace FederatedGateway.Core.Tests.Operations;

/// <summary>
/// The variables fast path against GraphQL.NET's coercion, value by value: whatever it accepts, GraphQL.NET accepts
/// with the same Boolean values, and it accepts the ordinary valid values itself (so the fast path is taken).
/// </summary>
public sealed class VariableFastPathTests
{
    private const string Subgraph = """
        scalar Money
        enum Side { BUY SELL }
        input Range { min: Int! max: Float step: Int! = 1 tags: [String!] }
        input OrderFilter { side: Side ids: [ID!] range: Range money: Money nested: [[Int!]] }
        type Query {
          probe(i: Int, f: Float, s: String, b: Boolean, id: ID, side: Side, m: Money, filter: OrderFilter, ids: [ID!], rows: [[Int!]], sides: [Side]): Int
        }
        """;

    private const string Query = """
        query Probe($i: Int, $f: Float, $s: String, $b: Boolean, $bd: Boolean = true, $id: ID, $side: Side, $m: Money,
                    $filter: OrderFilter, $ids: [ID!], $rows: [[Int!]], $sides: [Side], $req: Int!, $bf: Boolean = false) {
          probe(i: $i, f: $f, s: $s, b: $b, id: $id, side: $side, m: $m, filter: $filter, ids: $ids, rows: $rows, sides: $sides) @include(if: $bd)
          other: probe(i: $req) @skip(if: $bf)
        }
        """;

    private static readonly string[] Variables = ["i", "f", "s", "b", "bd", "id", "side", "m", "filter", "ids", "rows", "sides", "req", "bf"];

    /// <summary>Values of every JSON kind, valid for some variables and not others, with the edge cases of each scalar.</summary>
    private static readonly string[] Candidates =
    [
        "null", "0", "-0", "1", "-17", "2147483647", "2147483648", "-2147483649", "9223372036854775808", "1.0", "1.5", "1e3",
        "1e400", "-1e400", "1e-400", "123456789012345678901234567890", "\"x\"", "\"\"", "\"caf\\u00e9\"", "\"\\ud800\"",
        "\"a\\nb\"", "\"123\"", "true", "false", "\"BUY\"", "\"SELL\"", "\"buy\"", "\"HOLD\"", "[]", "[1,2]", "[1,null]",
        "[\"1\",\"2\"]", "[\"BUY\",null]", "[[1],[2]]", "[[1,null]]", "[1,[2]]", "[[]]", "[null]", "{}",
        "{\"side\":\"SELL\"}", "{\"side\":\"SELL\",\"side\":\"BUY\"}", "{\"range\":{\"min\":1}}", "{\"range\":{\"max\":2}}",
        "{\"range\":{\"min\":1,\"max\":2.5,\"tags\":[\"a\"]}}", "{\"range\":{\"min\":1,\"tags\":\"a\"}}", "{\"range\":{\"min\":null}}",
        "{\"bogus\":1}", "{\"s\\u0069de\":\"BUY\"}", "{\"money\":{\"a\":[1,\"b\",null,true],\"c\":{\"d\":1.5}}}",
        "{\"money\":1e400}", "{\"nested\":[[1,2],[3]]}", "{\"nested\":[1,2]}", "{\"ids\":\"7\"}", "{\"a\":1,\"a\":2}",
    ];

    private static readonly Lazy<(OperationPreparer Preparer, PreparedOperation Operation)> Setup = new(Build);

    [Fact]
    public async Task Everything_the_fast_path_accepts_GraphQL_NET_accepts_with_the_same_booleans()
    {
        var (preparer, operation) = Setup.Value;
        var cases = new List<string>();
        foreach (var variable in Variables)
        {
            foreach (var candidate in Candidates)
            {
                cases.Add(variable == "req" ? $"{{\"req\":{candidate}}}" : $"{{\"req\":1,\"{variable}\":{candidate}}}");
            }
        }

        var random = new Random(2121);
        for (var n = 0; n < 600; n++)
        {
            var chosen = Variables.Where(_ => random.Next(3) == 0).Select(v => $"\"{v}\":{Candidates[random.Next(Candidates.Length)]}");
            cases.Add("{" + string.Join(",", chosen) + "}");
        }

        cases.AddRange(["{}", "null", "[]", "{\"req\":1,\"req\":2}", "{\"r\\u0065q\":1}"]);

        int fastAccepted = 0, slowAccepted = 0;
        foreach (var json in cases)
        {
            using var document = JsonDocument.Parse(json);
            if (Core.Operations.VariableUsages.ExplicitNullCheck.Check(operation.NullableInNonNullPositions, document.RootElement) is not null)
            {
                // Refused before either path runs (a null for $bd, which @include needs non-null).
                continue;
            }

            var fastBooleans = new Dictionary<string, bool>(StringComparer.Ordinal);
            var fast = VariableFastPath.TryAccept(preparer.ApiSchema, operation.Definition, document.RootElement, fastBooleans);
            var slow = await preparer.CoerceWithGraphQLNetAsync(operation, document.RootElement, new Dictionary<string, bool>(StringComparer.Ordinal), CancellationToken.None);
            slowAccepted += slow.IsSuccess ? 1 : 0;
            if (!fast)
            {
                continue;
            }

            fastAccepted++;
            Assert.True(slow.IsSuccess, $"{json}: accepted by the fast path, refused by GraphQL.NET: {string.Join("; ", slow.Errors.Select(e => e.Message))}");
            Assert.Equal(
                slow.BooleanVariables.OrderBy(p => p.Key, StringComparer.Ordinal).ToList(),
                fastBooleans.OrderBy(p => p.Key, StringComparer.Ordinal).ToList());
        }

        // Not a path that never says yes: most of what GraphQL.NET accepts goes through it.
        Assert.True(fastAccepted * 10 >= slowAccepted * 8, $"the fast path accepted {fastAccepted} of the {slowAccepted} cases GraphQL.NET accepted");
    }

    [Theory]
    [InlineData("{\"req\":1}")]
    [InlineData("{\"req\":1,\"i\":-5,\"f\":2,\"s\":\"text\",\"b\":false,\"id\":\"A1\",\"side\":\"BUY\",\"m\":{\"amount\":\"1.50\",\"currency\":\"EUR\"}}")]
    [InlineData("{\"req\":1,\"id\":42,\"ids\":[\"1\",2],\"rows\":[[1,2],[]],\"sides\":\"SELL\",\"bd\":false,\"bf\":true}")]
    [InlineData("{\"req\":1,\"filter\":{\"side\":\"SELL\",\"ids\":\"9\",\"range\":{\"min\":1,\"max\":1.25,\"tags\":[\"a\",\"b\"]},\"money\":[1,\"x\"],\"nested\":[[3]]}}")]
    [InlineData("{\"req\":1,\"s\":\"line\\nbreak \\\"quoted\\\"\",\"m\":null,\"filter\":null,\"unused\":[1,2,3]}")]
    public void Ordinary_valid_values_take_the_fast_path(string json)
    {
        var (preparer, operation) = Setup.Value;
        using var document = JsonDocument.Parse(json);
        Assert.True(VariableFastPath.TryAccept(preparer.ApiSchema, operation.Definition, document.RootElement, new Dictionary<string, bool>()));
    }

    [Fact]
    public async Task A_refused_value_still_gets_GraphQL_NET_s_error_through_the_preparer()
    {
        var (preparer, _) = Setup.Value;
        using var document = JsonDocument.Parse("{\"req\":1,\"side\":\"HOLD\"}");
        var result = await preparer.PrepareAsync(Query, null, document.RootElement, CancellationToken.None);
        var error = Assert.Single(result.Errors);
        Assert.Equal("BAD_USER_INPUT", error.Code);
        Assert.Contains("$side", error.Message, StringComparison.Ordinal);
    }

    private static (OperationPreparer, PreparedOperation) Build()
    {
        var composed = CompositionCase.Compose(CompositionCase.Fed2("orders", Subgraph));
        Assert.Empty(composed.Errors);
        var schema = SupergraphReader.Read(composed.SupergraphSdl!);
        var preparer = new OperationPreparer(schema, ApiSchemaFactory.Create(schema, ApiSchemaPrinter.Print(schema)));
        using var variables = JsonDocument.Parse("{\"req\":1}");
        var prepared = preparer.PrepareAsync(Query, null, variables.RootElement, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        Assert.True(prepared.IsSuccess, string.Join("; ", prepared.Errors.Select(e => e.Message)));
        return (preparer, prepared.Operation!);
    }
}
