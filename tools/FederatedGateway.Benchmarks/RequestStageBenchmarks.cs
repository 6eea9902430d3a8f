using BenchmarkDotNet.Attributes;
using System.Buffers;
using System.Text.Json;
using FederatedGateway.Core.Operations;
using FederatedGateway.Core.Schema;
using FederatedGateway.Core.Supergraph;
using FederatedGateway.Execution.Compilation;
using FederatedGateway.Execution.Execution;
using GraphQL.Validation;
using GraphQLParser.AST;

namespace FederatedGateway.Benchmarks;

/// <summary>
/// The request-path stages that <see cref="GatewayBenchmarks"/> does not time on their own, on the benchmark query:
/// validation alone (the spec's rules on an already parsed document), a prepared-operation cache hit (what every
/// request after the first pays for parse + validate + plan), and writing the client response from merged data
/// already in memory (no subgraph, no merge).
/// </summary>
[MemoryDiagnoser]
public class RequestStageBenchmarks
{
    private static readonly IReadOnlyDictionary<string, bool> NoBooleans = new Dictionary<string, bool>();

    private string _query = string.Empty;
    private FederatedSchema _schema = null!;
    private GraphQL.Types.ISchema _api = null!;
    private GraphQLDocument _document = null!;
    private GraphQLOperationDefinition _operation = null!;
    private OperationPreparer _preparer = null!;
    private PreparedOperation _prepared = null!;
    private ExecutionState _state = null!;
    private readonly List<GatewayError> _errors = new();
    private readonly ArrayBufferWriter<byte> _output = new(128 * 1024);

    [GlobalSetup]
    public void Setup()
    {
        _query = BenchGraph.Query;
        _schema = SupergraphReader.Read(BenchGraph.Supergraph);
        _api = ApiSchemaFactory.Create(_schema, ApiSchemaPrinter.Print(_schema));
        _document = GraphQLParser.Parser.Parse(_query);
        _operation = _document.Definitions.OfType<GraphQLOperationDefinition>().Single();

        _preparer = new OperationPreparer(_schema, _api);
        var prepared = _preparer.PrepareAsync(_query, null, default, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        _prepared = prepared.Operation ?? throw new InvalidOperationException("The benchmark query does not prepare: " + prepared.Errors[0].Message);

        // Run the plan once against the recorded subgraph answers; the merged data stays in _state for WriteResponse.
        var subgraphs = new SubgraphRegistry(_schema, ReplayingSubgraphClient.Load(BenchGraph.DataFile("answers.json")));
        _state = new ExecutionState(new OperationCompiler().Compile(_prepared), default, NoBooleans, null, aborted: CancellationToken.None);
        new PlanExecutor(_schema, subgraphs).RunAsync(_prepared.Plan.Root!, _state, _state.Errors, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        if (_state.Errors.Count > 0 || WriteResponse() == 0 || !BenchGraph.MatchesExpected(_output.WrittenSpan))
        {
            throw new InvalidOperationException("The recorded answers no longer fit the plan (it changed?): re-record Data/answers.json with --record.");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _state.Dispose();

    /// <summary>All of the spec's validation rules, as <see cref="OperationPreparer"/> runs them on a cache miss.</summary>
    [Benchmark]
    public bool Validate() =>
        new DocumentValidator().ValidateAsync(new ValidationOptions
        {
            Schema = _api,
            Document = _document,
            Operation = _operation,
            Rules = DocumentValidator.CoreRules,
            Variables = GraphQL.Inputs.Empty,
            Extensions = GraphQL.Inputs.Empty,
            UserContext = new Dictionary<string, object?>(),
            RequestServices = null!,
        }).GetAwaiter().GetResult().IsValid;

    /// <summary>The prepared operation (document, validation, plan) found in the cache.</summary>
    [Benchmark]
    public object? PrepareCached() =>
        _preparer.PrepareAsync(_query, null, default, CancellationToken.None).GetAwaiter().GetResult().Operation;

    /// <summary>The client's 87.6 KB answer written from the merged data (projection, null checks, UTF-8 JSON).</summary>
    [Benchmark]
    public int WriteResponse()
    {
        _output.ResetWrittenCount();
        _errors.Clear();
        using var writer = new Utf8JsonWriter(_output, ResponseJson.WriterOptions);
        new ResponseWriter(_schema, NoBooleans, _errors).Write(writer, _prepared, _state.Data, default);
        writer.Flush();
        return _output.WrittenCount;
    }
}
