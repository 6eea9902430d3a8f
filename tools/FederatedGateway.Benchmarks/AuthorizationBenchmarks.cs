using System.Security.Claims;
using System.Text.RegularExpressions;
using BenchmarkDotNet.Attributes;
using FederatedGateway.Execution.Authorization;
using FederatedGateway.Execution.Gateway;
using FederatedGateway.Execution.Requests;

namespace FederatedGateway.Benchmarks;

/// <summary>
/// What field authorization costs a whole cached request of the benchmark query (recorded subgraph answers):
/// without the stage; with it on a supergraph that protects only a field the query does not select; with ten of the
/// query's fields protected by <c>@requiresScopes</c> and a caller who has the scope. (A caller without it runs another
/// plan, whose fetches the recorded answers do not cover.)
/// </summary>
[MemoryDiagnoser]
public class AuthorizationBenchmarks
{
    internal static readonly (string Type, string Field)[] Protected =
    [
        ("User", "name"), ("User", "username"), ("User", "reviews"), ("Review", "body"), ("Review", "product"),
        ("Review", "author"), ("Product", "inStock"), ("Product", "name"), ("Product", "shippingEstimate"), ("Product", "reviews"),
    ];

    private FederatedGatewayExecutor _off = null!;
    private FederatedGatewayExecutor _untouched = null!;
    private FederatedGatewayExecutor _tenFields = null!;
    private GatewayRequest _entitled = null!;

    [GlobalSetup]
    public void Setup()
    {
        var client = ReplayingSubgraphClient.Load(BenchGraph.DataFile("answers.json"));
        var stage = new AuthorizeStage(rejectUnauthorized: false, policies: null);
        _off = BenchGraph.Gateway(client);
        _untouched = new FederatedGatewayExecutor(GatewaySnapshot.Build(WithScopes(BenchGraph.Supergraph, [("User", "birthday")]), client)) { AdditionalStages = [stage] };
        _tenFields = new FederatedGatewayExecutor(GatewaySnapshot.Build(WithScopes(BenchGraph.Supergraph, Protected), client)) { AdditionalStages = [stage] };
        _entitled = Request(new ClaimsPrincipal(new ClaimsIdentity([new Claim("sub", "bench"), new Claim("scope", "bench")], "bench")));
        foreach (var gateway in new[] { _off, _untouched, _tenFields })
        {
            if (!BenchGraph.MatchesExpected(gateway.ExecuteAsync(_entitled, CancellationToken.None).AsTask().Result.Body.Span))
            {
                throw new InvalidOperationException("The recorded answers no longer fit the plan (it changed?): re-record Data/answers.json with --record.");
            }
        }
    }

    [Benchmark(Baseline = true)]
    public Task<int> AuthorizationOff() => RunAsync(_off, _entitled);

    [Benchmark]
    public Task<int> NothingSelectedIsProtected() => RunAsync(_untouched, _entitled);

    [Benchmark]
    public Task<int> TenProtectedFieldsAllowed() => RunAsync(_tenFields, _entitled);

    private static async Task<int> RunAsync(FederatedGatewayExecutor gateway, GatewayRequest request)
    {
        using var result = await gateway.ExecuteAsync(request, CancellationToken.None);
        return result.Body.Length;
    }

    private static GatewayRequest Request(ClaimsPrincipal user) =>
        new() { Query = BenchGraph.Query, Variables = default, Identity = ClientIdentity.Authenticated(user) };

    /// <summary>The supergraph with the requiresScopes spec linked and <c>@requiresScopes(scopes: [["bench"]])</c> on the given fields.</summary>
    internal static string WithScopes(string supergraph, IEnumerable<(string Type, string Field)> fields)
    {
        var text = supergraph.Replace(
            "@link(url: \"https://specs.apollo.dev/join/v0.3\", for: EXECUTION)",
            "@link(url: \"https://specs.apollo.dev/join/v0.3\", for: EXECUTION)\n  @link(url: \"https://specs.apollo.dev/requiresScopes/v0.1\", for: SECURITY)",
            StringComparison.Ordinal)
            + "\ndirective @requiresScopes(scopes: [[requiresScopes__Scope!]!]!) on FIELD_DEFINITION | OBJECT | INTERFACE | SCALAR | ENUM\n\nscalar requiresScopes__Scope\n";
        foreach (var (type, field) in fields)
        {
            var block = new Regex(@"(?ms)^type " + type + @"\b.*?^\}");
            text = block.Replace(text, m => Regex.Replace(m.Value, @"(?m)^(  " + field + @"\b[^\n]*)$", "$1 @requiresScopes(scopes: [[\"bench\"]])"), 1);
        }

        return text;
    }
}
