using System.Diagnostics;
using FederatedGateway.Demo;
using FederatedGateway.Demo.Apis;
using FederatedGateway.Demo.Grpc;
using FederatedGateway.Demo.Security;
using FederatedGateway.FunctionalTests.Infrastructure;
using FederatedGateway.Testing.Processes;
using Xunit.Abstractions;

namespace FederatedGateway.FunctionalTests.Server;

/// <summary>
/// The gateway executable (the JIT build, or the native one when the tests run against it) composing the full demo
/// from <c>schemas/supergraph-grpc.yaml</c> at start: GraphQL subgraphs, gRPC services read from descriptor sets,
/// the REST service from its OpenAPI document, the SOAP service from its WSDL, and JWTs checked against a key file.
/// Every kind of source and the token path run in the executable itself, which is what a native build can break
/// (code the trimmer removed, reflection it does not have).
/// </summary>
public sealed class FullDemoProcessTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan StartupLimit = TimeSpan.FromSeconds(60);

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "fgw-demo-process-" + Guid.NewGuid().ToString("N"));
    private DemoIssuer _issuer = null!;
    private DemoSubgraphHost _subgraphs = null!;
    private DemoGrpcHost _grpc = null!;
    private DemoApiHost _apis = null!;

    public async Task InitializeAsync()
    {
        _issuer = DemoIssuer.Open(_directory);
        _subgraphs = await DemoSubgraphs.StartAsync(DemoPorts.Ephemeral);
        _grpc = await DemoGrpcServices.StartAsync(DemoGrpcPorts.Ephemeral);
        _apis = await DemoApiServices.StartAsync(DemoApiPorts.Ephemeral);
    }

    public async Task DisposeAsync()
    {
        await _apis.DisposeAsync();
        await _grpc.DisposeAsync();
        await _subgraphs.DisposeAsync();
        _issuer.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Serves_every_kind_of_source_and_reads_the_callers_token()
    {
        var environment = new Dictionary<string, string>
        {
            ["Gateway__Authentication__Jwt__0__Issuer"] = DemoIssuer.IssuerName,
            ["Gateway__Authentication__Jwt__0__Audiences__0"] = DemoIssuer.Audience,
            ["Gateway__Authentication__Jwt__0__JwksFile"] = _issuer.JwksPath,
            ["Gateway__Headers__All__0__Insert"] = "x-trader-id", // the demo subgraphs' signed-in trader
            ["Gateway__Headers__All__0__FromClaim"] = "sub",
        };
        foreach (var service in _subgraphs.Subgraphs.Concat(_grpc.Services).Concat(_apis.Services))
        {
            environment[$"Gateway__SubgraphUrlOverrides__{service.Name}"] = service.Url.ToString();
        }

        var config = TestPaths.Schemas("supergraph-grpc.yaml");
        using var server = ServerProcess.Start(["--config", config, "--urls", "http://127.0.0.1:0"], environment);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        try
        {
            var endpoint = await server.ListeningUrl.WaitAsync(StartupLimit) + "/graphql";
            var token = _issuer.Token(DemoTrader.Alice);
            var response = await GraphQLHttp.PostAsync(
                http,
                endpoint,
                "{ me { name positions { instrument { symbol lastPrice } } orders(status: OPEN) { id notional { amount currency } settlement { status counterparty { name } } fxRate { pair mid } } } }",
                headers: new Dictionary<string, string> { ["authorization"] = "Bearer " + token });

            Assert.False(response.HasErrors, response.Body.GetRawText());
            var me = response.Data.GetProperty("me");
            Assert.Equal("Ada Lovelace", me.GetProperty("name").GetString()); // the token's subject, sent on as x-trader-id
            Assert.Contains(me.GetProperty("positions").EnumerateArray(), p => IsPositive(p.GetProperty("instrument").GetProperty("lastPrice"))); // gRPC
            var order = me.GetProperty("orders").EnumerateArray().First();
            Assert.True(IsPositive(order.GetProperty("notional").GetProperty("amount"))); // @requires across subgraphs
            Assert.False(string.IsNullOrEmpty(order.GetProperty("settlement").GetProperty("counterparty").GetProperty("name").GetString())); // REST
            Assert.True(IsPositive(order.GetProperty("fxRate").GetProperty("mid"))); // SOAP

            // A token signed by another key is refused, not read.
            using var other = DemoIssuer.Open(Path.Combine(_directory, "other"));
            var refused = await GraphQLHttp.PostAsync(
                http, endpoint, "{ me { name } }", headers: new Dictionary<string, string> { ["authorization"] = "Bearer " + other.Token(DemoTrader.Alice) });
            Assert.Equal(401, refused.Status);
        }
        finally
        {
            output.WriteLine("--- stdout ---\n" + server.StandardOutput);
            output.WriteLine("--- stderr ---\n" + server.StandardError);
        }
    }

    /// <summary>A number above zero, as a JSON number or (decimal scalars) a string.</summary>
    private static bool IsPositive(System.Text.Json.JsonElement value) =>
        double.Parse(value.ValueKind == System.Text.Json.JsonValueKind.String ? value.GetString()! : value.GetRawText(), System.Globalization.CultureInfo.InvariantCulture) > 0;
}
