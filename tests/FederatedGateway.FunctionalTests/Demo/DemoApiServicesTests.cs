using System.Net;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using FederatedGateway.Demo.Apis;
using FederatedGateway.Demo.Apis.Settlement;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace FederatedGateway.FunctionalTests.Demo;

/// <summary>
/// The demo's REST and SOAP services on their own: the settlement service serves the OpenAPI document the gateway
/// composes from (<c>schemas/openapi/settlement.json</c>) and routes exactly its operations; the FX service refuses a
/// DTD, an action that is not the body's operation, and a pair it does not quote, each with a SOAP 1.2 Sender fault.
/// </summary>
public sealed class DemoApiServicesTests : IAsyncLifetime
{
    private const string Soap12 = "http://www.w3.org/2003/05/soap-envelope";
    private const string Fx = "urn:northwind:fx-rates:v1";

    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private DemoApiHost _apis = null!;

    public async Task InitializeAsync() => _apis = await DemoApiServices.StartAsync(DemoApiPorts.Ephemeral);

    public async Task DisposeAsync()
    {
        await _apis.DisposeAsync();
        _http.Dispose();
    }

    [Fact]
    public async Task The_settlement_service_serves_the_openapi_document_of_schemas()
    {
        using var response = await _http.GetAsync(new Uri(_apis.GetUrl(DemoApiHost.Settlement), SettlementEndpoints.DocumentPath));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(await File.ReadAllTextAsync(TestPaths.Schemas(Path.Combine("openapi", "settlement.json"))), await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public void The_settlement_service_routes_exactly_the_operations_of_its_document()
    {
        var app = WebApplication.CreateSlimBuilder().Build();
        SettlementEndpoints.Map(app);
        var routed = ((IEndpointRouteBuilder)app).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IEndpointNameMetadata>() is not null)
            .Select(e => $"{e.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods.Single()} {e.RoutePattern.RawText} {e.Metadata.GetMetadata<IEndpointNameMetadata>()!.EndpointName}");

        using var document = JsonDocument.Parse(File.ReadAllText(TestPaths.Schemas(Path.Combine("openapi", "settlement.json"))));
        var described = document.RootElement.GetProperty("paths").EnumerateObject().SelectMany(path => path.Value.EnumerateObject()
            .Select(operation => $"{operation.Name.ToUpperInvariant()} {path.Name} {operation.Value.GetProperty("operationId").GetString()}"));

        Assert.Equal(described.Order(StringComparer.Ordinal), routed.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_settlement_batch_endpoint_answers_the_known_orders_in_the_order_asked()
    {
        var answer = await _http.GetStringAsync(new Uri(_apis.GetUrl(DemoApiHost.Settlement), "/settlements?orderId=o-1006&orderId=o-9999&orderId=o-1001"));

        using var settlements = JsonDocument.Parse(answer);
        Assert.Equal(["o-1006", "o-1001"], settlements.RootElement.EnumerateArray().Select(s => s.GetProperty("orderId").GetString()));
        Assert.Equal("pending", settlements.RootElement[0].GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_request_with_a_dtd_is_a_sender_fault_and_its_entity_is_never_expanded()
    {
        var (status, fault) = await PostAsync(
            $"""<!DOCTYPE e [<!ENTITY pair "USD/GBP">]><e:Envelope xmlns:e="{Soap12}"><e:Body><fx:GetRate xmlns:fx="{Fx}"><fx:Pair>&pair;</fx:Pair></fx:GetRate></e:Body></e:Envelope>""");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("env:Sender", fault.Descendants(XName.Get("Value", Soap12)).Single().Value);
        Assert.Contains("DTD is prohibited", fault.Descendants(XName.Get("Text", Soap12)).Single().Value, StringComparison.Ordinal);
        Assert.Empty(_apis.Calls.Of(DemoApiHost.Fx));
    }

    [Theory]
    [InlineData("GetRate", "<fx:Pair>USD/JPY</fx:Pair>", "No rate for the currency pair USD/JPY.")]
    [InlineData("GetRates", "<fx:Pair>USD/GBP</fx:Pair>", "The action urn:northwind:fx-rates:v1#GetRates is not the one of GetRate.")]
    public async Task A_pair_it_does_not_quote_or_a_mismatched_action_is_a_sender_fault(string action, string parts, string reason)
    {
        var (status, fault) = await PostAsync(
            $"""<e:Envelope xmlns:e="{Soap12}"><e:Body><fx:GetRate xmlns:fx="{Fx}">{parts}</fx:GetRate></e:Body></e:Envelope>""", action);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(reason, fault.Descendants(XName.Get("Text", Soap12)).Single().Value);
    }

    [Fact]
    public async Task Get_rates_answers_the_quoted_pairs_and_leaves_out_the_others()
    {
        var (status, answer) = await PostAsync(
            $"""<e:Envelope xmlns:e="{Soap12}"><e:Body><fx:GetRates xmlns:fx="{Fx}"><fx:Pair>EUR/USD</fx:Pair><fx:Pair>XAU/USD</fx:Pair><fx:Pair>GBP/GBP</fx:Pair></fx:GetRates></e:Body></e:Envelope>""",
            "GetRates");

        Assert.Equal(HttpStatusCode.OK, status);
        var rates = answer.Descendants(XName.Get("Rate", Fx)).Select(r => $"{r.Element(XName.Get("Pair", Fx))!.Value} {r.Element(XName.Get("Mid", Fx))!.Value}");
        Assert.Equal(["EUR/USD 1.0725", "GBP/GBP 1.0000"], rates);
        Assert.Equal(["GetRates EUR/USD,XAU/USD,GBP/GBP"], _apis.Calls.Of(DemoApiHost.Fx));
    }

    private async Task<(HttpStatusCode Status, XDocument Envelope)> PostAsync(string envelope, string? action = null)
    {
        using var content = new StringContent(envelope, Encoding.UTF8);
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(
            "application/soap+xml; charset=utf-8" + (action is null ? "" : $"; action=\"{Fx}#{action}\""));
        using var response = await _http.PostAsync(_apis.GetUrl(DemoApiHost.Fx), content);
        Assert.Equal("application/soap+xml", response.Content.Headers.ContentType?.MediaType);
        return (response.StatusCode, XDocument.Parse(await response.Content.ReadAsStringAsync()));
    }
}
