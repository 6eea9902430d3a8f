using System.Text.Json;
using FederatedGateway.Grpc.Tests.Infrastructure;
using FederatedGateway.OpenApi.Tests.Gateway;
using FederatedGateway.Soap.Tests.Services;

namespace FederatedGateway.Soap.Tests;

/// <summary>
/// A SOAP 1.2 service (fx-rates.wsdl) in supergraph.yaml, composed and served by the real gateway host next to a
/// GraphQL.NET subgraph: its Rate entity is looked up for every trade in one batch call, root fields and mutations
/// reach it as document/literal envelopes with the SOAP action in the content type, and a SOAP fault is the field's
/// error with its code and reason.
/// </summary>
public sealed class FxGatewayTests : IAsyncLifetime
{
    private SoapTestService _fx = null!;
    private TradesSubgraph _trades = null!;
    private GatewayHost _gateway = null!;

    public async Task InitializeAsync()
    {
        _fx = await FxService.StartAsync();
        _trades = await TradesSubgraph.StartAsync();
        var folder = Directory.CreateTempSubdirectory("fgw-soap-").FullName;
        File.Copy(TranslationGoldenTests.PathOf("fx-rates"), Path.Combine(folder, "fx-rates.wsdl"));
        var config = Path.Combine(folder, "supergraph.yaml");
        await File.WriteAllTextAsync(config, $$"""
            subgraphs:
              trades:
                routing_url: {{_trades.Url}}
                schema:
                  subgraph_url: {{_trades.Url}}
              fx:
                schema:
                  soap:
                    wsdl: fx-rates.wsdl
                    base_url: {{_fx.Url}}
                    entities:
                      Rate: { key: pair, lookup: getRates, batch: true }
                    headers:
                      x-api-key: fx-key
            """);
        _gateway = await GatewayHost.StartAsync(config, new Dictionary<string, string?> { ["Gateway:SubgraphErrors:AllowedExtensions:0"] = "faultCode" });
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _trades.DisposeAsync();
        await _fx.DisposeAsync();
    }

    [Fact]
    public async Task Trades_of_a_GraphQL_subgraph_get_their_rates_in_one_batch_call()
    {
        var answer = await _gateway.QueryAsync("{ trades { id fx { pair bid ask asOf } } }");

        Assert.Equal(
            """{"trades":[{"id":"t1","fx":{"pair":"EUR/USD","bid":"1.0841","ask":"1.0843","asOf":"2026-12-04T09:30:00Z"}},"""
            + """{"id":"t2","fx":{"pair":"GBP/USD","bid":"1.2702","ask":"1.2705","asOf":"2026-12-04T09:30:00Z"}},"""
            + """{"id":"t3","fx":null},{"id":"t4","fx":{"pair":"EUR/USD","bid":"1.0841","ask":"1.0843","asOf":"2026-12-04T09:30:00Z"}}]}""",
            answer.GetProperty("data").GetRawText());
        var error = Assert.Single(answer.GetProperty("errors").EnumerateArray());
        Assert.Equal("""["trades",2,"fx"]""", error.GetProperty("path").GetRawText());
        Assert.Equal("NOT_FOUND", error.GetProperty("extensions").GetProperty("code").GetString());

        var call = Assert.Single(_fx.Calls);
        Assert.Equal("GetRates", call.Element!.Name.LocalName);
        Assert.Equal("urn:example:fx", call.Element.Name.NamespaceName);
        Assert.Equal(["EUR/USD", "GBP/USD", "USD/JPY"], call.Element.Elements().Select(e => e.Value));
        Assert.All(call.Element.Elements(), e => Assert.Equal("urn:example:fx", e.Name.NamespaceName));
        Assert.Equal("http://www.w3.org/2003/05/soap-envelope", call.Envelope.NamespaceName);
        Assert.Equal("application/soap+xml; charset=utf-8; action=\"urn:example:fx/GetRates\"", call.ContentType);
        Assert.Equal("fx-key", call.ApiKey);
    }

    [Fact]
    public async Task Root_fields_answer_and_a_fault_is_the_field_s_error_with_its_code()
    {
        var answer = await _gateway.QueryAsync("""{ convertAmount(from: "GBP", to: "USD", amount: "1000") { converted rate } bad: getRate(pair: "XAU/EUR") { bid } }""");

        Assert.Equal("""{"convertAmount":{"converted":"1270.20","rate":1.2702},"bad":null}""", answer.GetProperty("data").GetRawText());
        var error = Assert.Single(answer.GetProperty("errors").EnumerateArray());
        Assert.Equal("""["bad"]""", error.GetProperty("path").GetRawText());
        Assert.Equal("SOAP_FAULT", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal("s:Sender", error.GetProperty("extensions").GetProperty("faultCode").GetString());
    }

    [Fact]
    public async Task A_mutation_sends_its_arguments_in_the_schema_s_order()
    {
        var answer = await _gateway.QueryAsync("""mutation { bookHedge(notional: "5000000", pair: "EUR/USD") }""");

        Assert.Equal("""{"bookHedge":"H-EURUSD-5000000"}""", answer.GetProperty("data").GetRawText());
        var call = Assert.Single(_fx.Calls);
        Assert.Equal(["Pair", "Notional"], call.Element!.Elements().Select(e => e.Name.LocalName));
    }
}
