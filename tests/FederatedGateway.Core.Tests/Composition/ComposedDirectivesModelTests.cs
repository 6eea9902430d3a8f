using System.Text.Json;
using FederatedGateway.Core.Authorization;
using FederatedGateway.Core.Composition;
using FederatedGateway.Core.Cost;
using FederatedGateway.Core.Operations;
using FederatedGateway.Core.Schema;
using FederatedGateway.Core.Supergraph;
using GraphQLParser.AST;

namespace FederatedGateway.Core.Tests.Composition;

/// <summary>
/// What the gateway makes of our composed authorization and cost directives: the same requirements, weights and list
/// sizes as it makes of Apollo's supergraph for the same subgraphs (the goldens of <see cref="AccessAndCostParityTests"/>),
/// and cost estimates over our supergraph equal to hand-computed values and to those over Apollo's.
/// </summary>
public sealed class ComposedDirectivesModelTests
{
    [Theory]
    [InlineData("parity-auth-locations")]
    [InlineData("parity-auth-merge")]
    [InlineData("parity-auth-interfaces")]
    [InlineData("parity-auth-federation-2-5")]
    [InlineData("parity-auth-requires-covered")]
    [InlineData("parity-cost-locations")]
    [InlineData("parity-cost-merge")]
    [InlineData("parity-cost-weight-only")]
    public void The_gateway_reads_the_same_requirements_and_costs_from_ours_as_from_apollos(string graph)
    {
        var apollo = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Composition", "Graphs", graph, "apollo.supergraph.graphql"));
        var ours = SupergraphComposer.Compose(ComposerParityTests.LoadGraph(graph)).SupergraphSdl!;
        Assert.NotNull(SupergraphReader.Read(ours));

        var (apolloAuth, oursAuth) = (AuthorizationRequirementsReader.Read(apollo), AuthorizationRequirementsReader.Read(ours));
        var (apolloCost, oursCost) = (CostDirectives.Read(apollo), CostDirectives.Read(ours));
        foreach (var (type, field, argument) in Coordinates(apollo))
        {
            if (field is null)
            {
                Assert.Equal(apolloAuth.ForType(type).ToString(), oursAuth.ForType(type).ToString());
                Assert.Equal(apolloCost.Weight(type), oursCost.Weight(type));
                continue;
            }

            var coordinate = argument is null ? $"{type}.{field}" : $"{type}.{field}({argument})";
            Assert.Equal(apolloCost.Weight(coordinate), oursCost.Weight(coordinate));
            if (argument is null)
            {
                Assert.Equal(apolloAuth.ForField(type, field).ToString(), oursAuth.ForField(type, field).ToString());
                Assert.Equal(Describe(apolloCost.ListSize(type, field)), Describe(oursCost.ListSize(type, field)));
            }
        }

        Assert.Equal(apolloAuth.IsEmpty, oursAuth.IsEmpty);
        Assert.Equal(apolloCost.IsEmpty, oursCost.IsEmpty);
    }

    public static TheoryData<string, double> CostMergeOperations => new()
    {
        // Query.items: @cost 8 (the highest of 3 and 8), sized by the larger of first/size, else assumedSize 25 (the highest of 10 and 25).
        { "{ items(first: 3) { id } }", 3 * 8 },
        { "{ items(first: 2, size: 5) { id } }", 5 * 8 },
        { "{ items { id } }", 25 * 8 },
        // Query.pages: sizedFields is the union (entries, more) with assumedSize 5; Item weighs 6 (the highest of 2 and 6).
        { "{ pages { entries { id } more { id } } }", 1 + (5 * 6) + (5 * 6) },
    };

    [Theory]
    [MemberData(nameof(CostMergeOperations))]
    public async Task Estimates_over_our_merged_costs_equal_the_hand_computed_cost_and_apollos(string query, double expected)
    {
        var apollo = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Composition", "Graphs", "parity-cost-merge", "apollo.supergraph.graphql"));
        var ours = SupergraphComposer.Compose(ComposerParityTests.LoadGraph("parity-cost-merge")).SupergraphSdl!;

        Assert.Equal(expected, await EstimateAsync(ours, query));
        Assert.Equal(expected, await EstimateAsync(apollo, query));
    }

    private static async Task<double> EstimateAsync(string supergraph, string query)
    {
        var schema = SupergraphReader.Read(supergraph);
        var preparer = new OperationPreparer(schema, ApiSchemaFactory.Create(schema, ApiSchemaPrinter.Print(schema)));
        var prepared = await preparer.PrepareAsync(query, null, default(JsonElement), CancellationToken.None);
        Assert.True(prepared.IsSuccess, string.Join("; ", prepared.Errors.Select(e => e.Message)));
        return new CostCalculator(schema, CostDirectives.Read(supergraph), 10).Estimate(prepared.Operation!, default, prepared.BooleanVariables);
    }

    private static string Describe(ListSizeDirective? listSize) => listSize is null
        ? "none"
        : $"{listSize.AssumedSize}|{string.Join(",", listSize.SlicingArguments.Order(StringComparer.Ordinal))}|{string.Join(",", listSize.SizedFields.Order(StringComparer.Ordinal))}|{listSize.RequireOneSlicingArgument}";

    /// <summary>Every type, field, argument and input field of the API types of a supergraph (spec types left out).</summary>
    private static IEnumerable<(string Type, string? Field, string? Argument)> Coordinates(string supergraph)
    {
        foreach (var definition in GraphQLParser.Parser.Parse(supergraph).Definitions.OfType<GraphQLTypeDefinition>())
        {
            var type = definition.Name.StringValue;
            if (type.Contains("__", StringComparison.Ordinal))
            {
                continue;
            }

            yield return (type, null, null);
            var fields = definition switch
            {
                GraphQLObjectTypeDefinition o => o.Fields?.Items.Select(f => (f.Name.StringValue, f.Arguments?.Items)),
                GraphQLInterfaceTypeDefinition i => i.Fields?.Items.Select(f => (f.Name.StringValue, f.Arguments?.Items)),
                GraphQLInputObjectTypeDefinition input => input.Fields?.Items.Select(f => (f.Name.StringValue, (List<GraphQLInputValueDefinition>?)null)),
                _ => null,
            };
            foreach (var (field, arguments) in fields ?? [])
            {
                yield return (type, field, null);
                foreach (var argument in arguments ?? [])
                {
                    yield return (type, field, argument.Name.StringValue);
                }
            }
        }
    }
}
