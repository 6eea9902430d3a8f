using FederatedGateway.Grpc.Tests.Infrastructure;
using FederatedGateway.Soap.Tests.Services;

namespace FederatedGateway.Soap.Tests;

/// <summary>
/// reference-data.wsdl (document/literal, SOAP 1.1, qualified elements) served through the real gateway: attributes,
/// enums, repeated and nil elements, inheritance and simple content read from the answers; an input object written
/// with its attributes, its elements in the schema's order and namespace, and enum values as the schema spells them;
/// a one-way operation accepted with an empty answer; a SOAP 1.1 fault as the field's error.
/// </summary>
public sealed class ReferenceDataGatewayTests : IAsyncLifetime
{
    private const string Types = "urn:example:refdata:types";
    private SoapTestService _service = null!;
    private GatewayHost _gateway = null!;

    public async Task InitializeAsync()
    {
        _service = await SoapTestService.StartAsync(Answer);
        _gateway = await StartGatewayAsync("reference-data", _service.Url);
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _service.DisposeAsync();
    }

    internal static async Task<GatewayHost> StartGatewayAsync(string wsdl, string url)
    {
        var folder = Directory.CreateTempSubdirectory("fgw-soap-").FullName;
        File.Copy(TranslationGoldenTests.PathOf(wsdl), Path.Combine(folder, wsdl + ".wsdl"));
        var config = Path.Combine(folder, "supergraph.yaml");
        await File.WriteAllTextAsync(config, $"subgraphs:\n  svc:\n    routing_url: {url}\n    schema:\n      soap:\n        wsdl: {wsdl}.wsdl\n");
        return await GatewayHost.StartAsync(config, new Dictionary<string, string?> { ["Gateway:SubgraphErrors:Expose"] = "true" });
    }

    private static (int, string) Answer(SoapCall call) => call.Element?.Name.LocalName switch
    {
        "GetInstrument" when call.Value("isin") == "LOL" => (200, BillionLaughs()),
        "GetInstrument" when call.Value("isin") == "DEEP" => (200, $"<GetInstrumentResponse xmlns=\"{Types}\"><instrument isin=\"DEEP\"><name>"
            + string.Concat(Enumerable.Repeat("<b>", 100_000)) + string.Concat(Enumerable.Repeat("</b>", 100_000)) + "</name></instrument></GetInstrumentResponse>"),
        "GetInstrument" when call.Value("isin") == "XX0000000000" =>
            (500, "<s:Fault><faultcode>s:Client</faultcode><faultstring>No instrument XX0000000000</faultstring></s:Fault>"),
        "GetInstrument" => (200, $"""
            <GetInstrumentResponse xmlns="{Types}"><instrument isin="{call.Value("isin")}" active="true"><symbol>SAP</symbol><name>SAP SE</name><currency>EUR</currency>
            <lotSize>1</lotSize><tag>dax</tag><tag>software</tag><issuer xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:nil="true"/></instrument></GetInstrumentResponse>
            """),
        "GetBond" => (200, $"""
            <GetBondResponse xmlns="{Types}"><bond isin="DE0001102580"><symbol>BUND33</symbol><name>Bund 2033</name><currency>EUR</currency><lotSize>1000</lotSize>
            <issuer><lei>LEI-DE</lei><legalName>Bundesrepublik</legalName></issuer><coupon>2.3</coupon><maturity>2033-02-15</maturity><outstanding>9007199254740993</outstanding></bond></GetBondResponse>
            """),
        "GetPrice" => (200, $"""<GetPriceResponse xmlns="{Types}"><price currency="CHF" asOf="2026-12-04T10:00:00Z"> 101.25 </price></GetPriceResponse>"""),
        "RegisterInstrument" => (200, $"""<RegisterInstrumentResponse xmlns="{Types}"><registrationId>R-{call.Value("symbol")}</registrationId><accepted>1</accepted></RegisterInstrumentResponse>"""),
        "Ping" => (202, ""),
        _ => (500, "<s:Fault><faultcode>s:Client</faultcode><faultstring>Unknown operation</faultstring></s:Fault>"),
    };

    [Fact]
    public async Task Answers_are_read_with_attributes_enums_lists_nils_inheritance_and_simple_content()
    {
        var answer = await _gateway.QueryAsync("""
            { getInstrument(isin: "DE0007164600") { isin active symbol currency lotSize tickSize tag issuer { lei } }
              getBond(isin: "DE0001102580") { isin symbol coupon maturity outstanding issuer { legalName } }
              getPrice(isin: "CH0012005267") { value currency asOf } }
            """);

        Assert.Equal(
            """{"getInstrument":{"isin":"DE0007164600","active":true,"symbol":"SAP","currency":"EUR","lotSize":1,"tickSize":null,"tag":["dax","software"],"issuer":null},"getBond":{"isin":"DE0001102580","symbol":"BUND33","coupon":"2.3","maturity":"2033-02-15","outstanding":"9007199254740993","issuer":{"legalName":"Bundesrepublik"}},"getPrice":{"value":"101.25","currency":"CHF","asOf":"2026-12-04T10:00:00Z"}}""",
            answer.GetProperty("data").GetRawText());
        var call = _service.Calls.First(c => c.Element!.Name.LocalName == "GetInstrument");
        Assert.Equal("\"urn:example:refdata/GetInstrument\"", call.SoapAction);
        Assert.StartsWith("text/xml", call.ContentType, StringComparison.Ordinal);
        Assert.Equal("http://schemas.xmlsoap.org/soap/envelope/", call.Envelope.NamespaceName);
    }

    [Fact]
    public async Task An_input_object_is_written_in_the_schema_s_order_namespace_and_spelling()
    {
        var answer = await _gateway.QueryAsync("""
            mutation { registerInstrument(instrument: { tag: ["a", "b"], name: "Nestlé", symbol: "NESN", currency: CHF, lotSize: 1, isin: "CH0038863350",
              issuer: { legalName: "Nestlé S.A.", lei: "LEI-N" } }) { registrationId accepted } ping }
            """);

        Assert.Equal("""{"registerInstrument":{"registrationId":"R-NESN","accepted":true},"ping":true}""", answer.GetProperty("data").GetRawText());
        var instrument = _service.Calls.Single(c => c.Element!.Name.LocalName == "RegisterInstrument").Element!.Elements().Single();
        Assert.Equal("CH0038863350", (string?)instrument.Attribute("isin"));
        Assert.Equal(["symbol", "name", "currency", "lotSize", "tag", "tag", "issuer"], instrument.Elements().Select(e => e.Name.LocalName));
        Assert.All(instrument.Descendants(), e => Assert.Equal(Types, e.Name.NamespaceName));
        Assert.Equal(["LEI-N", "Nestlé S.A."], instrument.Element((System.Xml.Linq.XNamespace)Types + "issuer")!.Elements().Select(e => e.Value));
    }

    private static string BillionLaughs()
    {
        var entities = string.Concat(Enumerable.Range(1, 9).Select(i => $"<!ENTITY l{i} \"{string.Concat(Enumerable.Repeat($"&l{i - 1};", 10))}\">"));
        return $"<!DOCTYPE s:Envelope [<!ENTITY l0 \"lol\">{entities}]><s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body>&l9;</s:Body></s:Envelope>";
    }

    [Fact]
    public async Task An_answer_with_entity_expansion_is_the_field_s_error_and_nothing_expands()
    {
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var answer = await _gateway.QueryAsync("""{ getInstrument(isin: "LOL") { symbol } }""");
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        Assert.Equal("""{"getInstrument":null}""", answer.GetProperty("data").GetRawText());
        var error = Assert.Single(answer.GetProperty("errors").EnumerateArray());
        Assert.Equal("SUBREQUEST_MALFORMED_RESPONSE", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.True(allocated < 64L * 1024 * 1024, $"allocated {allocated / 1048576} MB");
    }

    [Fact]
    public async Task An_answer_nested_a_hundred_thousand_deep_is_the_field_s_error_within_bounds()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var answer = await _gateway.QueryAsync("""{ getInstrument(isin: "DEEP") { name } }""");
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        Assert.Equal("""{"getInstrument":null}""", answer.GetProperty("data").GetRawText());
        Assert.Equal("SUBREQUEST_MALFORMED_RESPONSE", answer.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.True(allocated < 128L * 1024 * 1024, $"allocated {allocated / 1048576} MB");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task A_soap_1_1_fault_is_the_field_s_error()
    {
        var answer = await _gateway.QueryAsync("""{ getInstrument(isin: "XX0000000000") { symbol } }""");

        Assert.Equal("""{"getInstrument":null}""", answer.GetProperty("data").GetRawText());
        var error = Assert.Single(answer.GetProperty("errors").EnumerateArray());
        Assert.Equal("GetInstrument answered a SOAP fault (s:Client): No instrument XX0000000000", error.GetProperty("message").GetString());
        Assert.Equal("SOAP_FAULT", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal(500, error.GetProperty("extensions").GetProperty("httpStatus").GetInt32());
    }
}
