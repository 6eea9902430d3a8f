using System.Security.Claims;
using BenchmarkDotNet.Attributes;
using FederatedGateway.Core.Operations;
using FederatedGateway.Execution.Authorization;
using FederatedGateway.Execution.Gateway;
using FederatedGateway.Execution.Pipeline;
using FederatedGateway.Execution.Requests;

namespace FederatedGateway.Benchmarks;

/// <summary>
/// The authorize stage alone on the benchmark query's prepared operation (next stage: nothing): what a request pays
/// for authorization when the query selects nothing protected, and when ten of its fields are protected and allowed.
/// The baseline makes the request context only.
/// </summary>
[MemoryDiagnoser]
public class AuthorizeStageBenchmarks
{
    private static readonly RequestStageDelegate Nothing = _ => ValueTask.CompletedTask;

    private readonly AuthorizeStage _stage = new(rejectUnauthorized: false, policies: null);
    private GatewayRequest _request = null!;
    private GatewaySnapshot _untouched = null!;
    private GatewaySnapshot _tenFields = null!;
    private PrepareResult _untouchedPrepared = null!;
    private PrepareResult _tenFieldsPrepared = null!;

    [GlobalSetup]
    public void Setup()
    {
        var client = ReplayingSubgraphClient.Load(BenchGraph.DataFile("answers.json"));
        _untouched = GatewaySnapshot.Build(AuthorizationBenchmarks.WithScopes(BenchGraph.Supergraph, [("User", "birthday")]), client);
        _tenFields = GatewaySnapshot.Build(AuthorizationBenchmarks.WithScopes(BenchGraph.Supergraph, AuthorizationBenchmarks.Protected), client);
        _untouchedPrepared = _untouched.Preparer.PrepareAsync(BenchGraph.Query, null, default, CancellationToken.None).AsTask().Result;
        _tenFieldsPrepared = _tenFields.Preparer.PrepareAsync(BenchGraph.Query, null, default, CancellationToken.None).AsTask().Result;
        var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim("sub", "bench"), new Claim("scope", "bench")], "bench"));
        _request = new GatewayRequest { Query = BenchGraph.Query, Variables = default, Identity = ClientIdentity.Authenticated(user) };
    }

    [Benchmark(Baseline = true)]
    public object ContextOnly() => Context(_untouched, _untouchedPrepared);

    [Benchmark]
    public ValueTask NothingSelectedIsProtected() => _stage.InvokeAsync(Context(_untouched, _untouchedPrepared), Nothing);

    [Benchmark]
    public ValueTask TenProtectedFieldsAllowed() => _stage.InvokeAsync(Context(_tenFields, _tenFieldsPrepared), Nothing);

    private RequestContext Context(GatewaySnapshot snapshot, PrepareResult prepared) =>
        new(_request, snapshot, RequestMode.Single, CancellationToken.None) { Prepared = prepared, User = _request.Identity!.User };
}
