using FederatedGateway.Demo.Apis;
using FederatedGateway.FunctionalTests.Infrastructure;

namespace FederatedGateway.FunctionalTests.Demo;

/// <summary>
/// The README's dashboard query against the whole demo: each open order's settlement comes from the REST settlement
/// service (one batch call for all orders, then each counterparty once) and its FX rate, from the instrument's currency
/// to the trader's base currency, from the SOAP FX service (one GetRates call).
/// </summary>
public sealed class DashboardSourcesTests(FullDemoFixture demo) : IClassFixture<FullDemoFixture>
{
    /// <summary>The README's quick start query (README.md, step 2).</summary>
    private const string ReadmeQuery = """
        query TraderDashboard { me { name desk positions { quantity instrument { symbol name lastPrice } } orders(status: OPEN) { id side quantity instrument { symbol name } notional { amount currency } settlement { status settlementDate counterparty { name } } fxRate { pair mid } } remainingOrderCapacity } }
        """;

    private const string ReadmeOrders = """
        [{"id":"o-1001","side":"BUY","quantity":50,"instrument":{"symbol":"AAPL","name":"Apple Inc."},"notional":{"amount":9462.5,"currency":"USD"},
          "settlement":{"status":"SETTLED","settlementDate":"2024-05-03","counterparty":{"name":"Contoso Securities"}},"fxRate":{"pair":"USD/GBP","mid":"0.7968"}},
         {"id":"o-1002","side":"SELL","quantity":10,"instrument":{"symbol":"MSFT","name":"Microsoft Corporation"},"notional":{"amount":4151,"currency":"USD"},
          "settlement":{"status":"PENDING","settlementDate":"2024-05-03","counterparty":{"name":"Contoso Securities"}},"fxRate":{"pair":"USD/GBP","mid":"0.7968"}}]
        """;

    [Fact]
    public async Task The_readme_query_gives_each_order_its_settlement_and_fx_rate()
    {
        var response = await demo.PostAsync(ReadmeQuery, trader: "alice");

        response.AssertNoErrors();
        var me = response.Data.GetProperty("me");
        Assert.Equal("Ada Lovelace", me.GetProperty("name").GetString());
        JsonAssert.Equal(ReadmeOrders, me.GetProperty("orders"));
        Assert.Equal(3, me.GetProperty("remainingOrderCapacity").GetInt32());
    }

    [Fact]
    public async Task Each_query_makes_one_batch_call_to_the_settlement_service_and_one_to_the_fx_service()
    {
        for (var round = 0; round < 2; round++)
        {
            var settlementBefore = demo.Apis.Calls.Of(DemoApiHost.Settlement).Count;
            var fxBefore = demo.Apis.Calls.Of(DemoApiHost.Fx).Count;

            (await demo.PostAsync(ReadmeQuery, trader: "alice")).AssertNoErrors();

            Assert.Equal(
                ["GET /settlements?orderId=o-1001&orderId=o-1002", "GET /counterparties/cp-200"],
                demo.Apis.Calls.Of(DemoApiHost.Settlement).Skip(settlementBefore));
            Assert.Equal(["GetRates USD/GBP"], demo.Apis.Calls.Of(DemoApiHost.Fx).Skip(fxBefore));
        }
    }

    [Fact]
    public async Task Every_order_of_a_trader_is_converted_to_that_trader_s_base_currency()
    {
        // Grace Hopper (t2) reports in EUR; her orders are in VOD (GBP) and SAP (EUR).
        var response = await demo.PostAsync("{ me { baseCurrency orders { id instrument { currency } settlement { status amount currency } fxRate { pair bid ask mid } } } }", trader: "bob");

        response.AssertNoErrors();
        JsonAssert.Equal(
            """
            {"baseCurrency":"EUR","orders":[
              {"id":"o-1004","instrument":{"currency":"GBP"},"settlement":{"status":"FAILED","amount":3750,"currency":"GBP"},"fxRate":{"pair":"GBP/EUR","bid":"1.1700","ask":"1.1703","mid":"1.1702"}},
              {"id":"o-1005","instrument":{"currency":"EUR"},"settlement":{"status":"FAILED","amount":5400,"currency":"EUR"},"fxRate":{"pair":"EUR/EUR","bid":"1.0000","ask":"1.0000","mid":"1.0000"}}]}
            """,
            response.Data.GetProperty("me"));
    }

    [Fact]
    public async Task The_services_root_fields_answer_through_the_gateway_and_an_unknown_pair_is_a_soap_fault()
    {
        var response = await demo.PostAsync("""
            { convertAmount(from: "USD", to: "GBP", amount: "9250") { converted mid }
              getCounterparty(id: "cp-300") { name country }
              unknown: getRate(pair: "USD/JPY") { mid } }
            """);

        JsonAssert.Equal(
            """{"convertAmount":{"converted":"7370.40","mid":"0.7968"},"getCounterparty":{"name":"Fabrikam Bank","country":"DE"},"unknown":null}""",
            response.Data);
        var error = Assert.Single(response.Errors);
        Assert.Equal("SOAP_FAULT", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Contains("USD/JPY", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }
}
