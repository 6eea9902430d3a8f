using BenchmarkDotNet.Attributes;
using FederatedGateway.Core.Operations;
using FederatedGateway.Core.Planning;
using FederatedGateway.Core.Schema;
using FederatedGateway.Core.Supergraph;
using FederatedGateway.Execution.Gateway;

namespace FederatedGateway.Benchmarks;

/// <summary>
/// The request path piece by piece on the benchmark query: parse, prepare (parse + validate + plan) cold,
/// plan only, a whole request with the operation cached, executing against recorded subgraph answers.
/// </summary>
[MemoryDiagnoser]
public class GatewayBenchmarks
{
    private string _query = string.Empty;
    private FederatedSchema _schema = null!;
    private GraphQL.Types.ISchema _api = null!;
    private SelectionSet _root = null!;
    private FederatedGatewayExecutor _gateway = null!;

    [GlobalSetup]
    public void Setup()
    {
        _query = BenchGraph.Query;
        _schema = SupergraphReader.Read(BenchGraph.Supergraph);
        _api = ApiSchemaFactory.Create(_schema, ApiSchemaPrinter.Print(_schema));
        var document = GraphQLParser.Parser.Parse(_query);
        var operation = document.Definitions.OfType<GraphQLParser.AST.GraphQLOperationDefinition>().Single();
        var fragments = document.Definitions.OfType<GraphQLParser.AST.GraphQLFragmentDefinition>().ToDictionary(f => f.FragmentName.Name.StringValue);
        _root = new SelectionSetBuilder(_schema, fragments).Build("Query", operation.SelectionSet);
        _gateway = BenchGraph.Gateway(ReplayingSubgraphClient.Load(BenchGraph.DataFile("answers.json")));
        if (!BenchGraph.MatchesExpected(_gateway.ExecuteAsync(BenchGraph.Request(), CancellationToken.None).AsTask().Result.Body.Span))
        {
            throw new InvalidOperationException("The recorded answers no longer fit the plan (it changed?): re-record Data/answers.json with --record.");
        }
    }

    [Benchmark]
    public object Parse() => GraphQLParser.Parser.Parse(_query);

    [Benchmark]
    public async Task<object?> PrepareCold() =>
        (await new OperationPreparer(_schema, _api).PrepareAsync(_query, null, default, CancellationToken.None)).Operation;

    [Benchmark]
    public object Plan() => new QueryPlanner(_schema).Plan(OperationKind.Query, "TestQuery", _root, Array.Empty<VariableDefinition>());

    [Benchmark]
    public async Task<int> ExecuteCachedOperation() =>
        (await _gateway.ExecuteAsync(BenchGraph.Request(), CancellationToken.None)).Body.Length;
}
