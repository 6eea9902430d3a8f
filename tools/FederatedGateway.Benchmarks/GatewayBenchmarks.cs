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
    public async Task<int> ExecuteCachedOperation()
    {
        // Disposed as the HTTP endpoint does once the body is written: the response buffer goes back to its pool.
        using var result = await _gateway.ExecuteAsync(BenchGraph.Request(), CancellationToken.None);
        return result.Body.Length;
    }

    /// <summary>Runs <see cref="ExecuteCachedOperation"/> in a loop for a profiler (perf, dotnet-trace) to watch.</summary>
    public static int Loop(TimeSpan duration)
    {
        var benchmarks = new GatewayBenchmarks();
        benchmarks.Setup();
        var count = 0;
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var allocated = GC.GetTotalAllocatedBytes();
        var cpu = Environment.CpuUsage.TotalTime;
        while (watch.Elapsed < duration)
        {
            benchmarks.ExecuteCachedOperation().GetAwaiter().GetResult();
            count++;
        }

        var perCall = (GC.GetTotalAllocatedBytes() - allocated) / Math.Max(count, 1);
        var cpuPerCall = (Environment.CpuUsage.TotalTime - cpu).TotalMicroseconds / Math.Max(count, 1);
        Console.WriteLine($"executions: {count} in {watch.Elapsed.TotalSeconds:0.0} s, {watch.Elapsed.TotalMilliseconds * 1000 / Math.Max(count, 1):0} us, {cpuPerCall:0} us of process CPU and {perCall / 1024.0:0.0} KB allocated each");
        return 0;
    }
}
