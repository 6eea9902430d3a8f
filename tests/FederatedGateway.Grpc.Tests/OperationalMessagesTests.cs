using System.Globalization;
using FederatedGateway.Grpc.Client;
using FederatedGateway.Grpc.Composition;
using FederatedGateway.Grpc.Descriptors;
using FederatedGateway.Grpc.Sources;
using FederatedGateway.Grpc.Tests.Infrastructure;
using FederatedGateway.Grpc.Translation;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace FederatedGateway.Grpc.Tests;

/// <summary>
/// What operators and clients are told when a gRPC source fails (mostly the Node service): failed calls logged with subgraph, method,
/// status code and message; connection failures with host and port in the log only; a source whose descriptors
/// cannot be had in words of its own at each field; an unknown service name with the services there are.
/// </summary>
public sealed class OperationalMessagesTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_failed_call_is_logged_with_subgraph_method_status_code_and_message()
    {
        await using var server = await NodeLedgerServer.StartAsync();
        var schema = await GrpcSourceLoader.LoadAsync(new GrpcSourceDefinition { Reflection = true, Translation = TestSchemas.Mirror }, server.Url, Timeout);
        var log = new FakeLogger();
        using var gateway = new TestGateway([GrpcSubgraphSources.Create("ledger", server.Url, schema)], new GrpcSourceRegistry().Add("ledger", schema, server.Url), logger: log);

        var answer = await gateway.QueryAsync("{ getAccount(id: \"nobody\") { id } }");

        Assert.Equal("NOT_FOUND", answer.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        var logged = Assert.Single(log.Collector.GetSnapshot());
        Assert.Equal(LogLevel.Information, logged.Level);
        Assert.Equal("ledger", logged.GetStructuredStateValue("Subgraph"));
        Assert.Equal("/ledger.v1.Ledger/GetAccount", logged.GetStructuredStateValue("Method"));
        Assert.Equal("NOT_FOUND", logged.GetStructuredStateValue("StatusCode"));
        Assert.Equal("NOT_FOUND no account \"nobody\"", logged.GetStructuredStateValue("StatusMessage"));
    }

    [Fact]
    public async Task A_connection_failure_names_host_and_port_in_the_log_and_not_in_the_answer()
    {
        string url;
        GrpcSchema schema;
        await using (var server = await NodeLedgerServer.StartAsync())
        {
            url = server.Url;
            schema = await GrpcSourceLoader.LoadAsync(new GrpcSourceDefinition { Reflection = true, Translation = TestSchemas.Mirror }, url, Timeout);
        }

        var log = new FakeLogger();
        using var gateway = new TestGateway([GrpcSubgraphSources.Create("ledger", url, schema)], new GrpcSourceRegistry().Add("ledger", schema, url), logger: log);

        var answer = await gateway.QueryAsync("{ getAccount(id: \"acc-1\") { id } }");

        var error = answer.GetProperty("errors")[0];
        Assert.Equal("gRPC /ledger.v1.Ledger/GetAccount of subgraph \"ledger\" failed: UNAVAILABLE, no connection could be made (see the gateway log)", error.GetProperty("message").GetString());
        Assert.DoesNotContain(url[7..], answer.GetRawText(), StringComparison.Ordinal);
        var logged = Assert.Single(log.Collector.GetSnapshot());
        Assert.Equal(LogLevel.Warning, logged.Level);
        Assert.Contains($"(to {url[7..]}: Connection refused", logged.GetStructuredStateValue("StatusMessage"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_source_whose_descriptors_cannot_be_had_answers_at_each_field_in_its_own_words()
    {
        var url = "grpc://127.0.0.1:" + FreePorts.Next().ToString(CultureInfo.InvariantCulture);
        var schema = TestSchemas.Market();

        // Composed from generated code; at run time only reflection is configured, at an address where nothing listens.
        using var gateway = new TestGateway([GrpcSubgraphSources.Create("market", url, schema), PortfolioSubgraph.Source], new GrpcSourceRegistry(), PortfolioSubgraph.Client());
        var answer = await gateway.QueryAsync("{ getQuote(symbol: \"X\") { bid } other: getQuote(symbol: \"Y\") { ask } }");

        var errors = answer.GetProperty("errors").EnumerateArray().ToList();
        Assert.Equal(2, errors.Count);
        Assert.All(errors, e => Assert.Equal("gRPC subgraph \"market\": its service descriptors could not be loaded (see the gateway log).", e.GetProperty("message").GetString()));
        Assert.All(errors, e => Assert.Equal(GrpcSubgraphClient.SourceUnavailable, e.GetProperty("extensions").GetProperty("code").GetString()));
        Assert.Equal(["[\"getQuote\"]", "[\"other\"]"], errors.Select(e => e.GetProperty("path").GetRawText()));
    }

    [Fact]
    public async Task An_unknown_service_name_lists_the_services_there_are()
    {
        await using var server = await NodeLedgerServer.StartAsync();
        var source = new GrpcSourceDefinition { Reflection = true, Translation = TestSchemas.Mirror with { Services = ["ledger.v1.Ledger", "Ledger"] } };
        var error = await Assert.ThrowsAsync<GrpcSourceException>(() => GrpcSourceLoader.LoadAsync(source, server.Url, Timeout));
        Assert.Equal($"{server.Url}: no service Ledger (it has ledger.v1.Ledger; \"services\" takes full names, package included).", error.Message);
    }
}
