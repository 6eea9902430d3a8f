using System.Net;
using System.Text;
using BenchmarkDotNet.Attributes;
using FederatedGateway.Execution.Transport;
using FederatedGateway.OpenApi;
using FederatedGateway.OpenApi.Client;
using FederatedGateway.OpenApi.Sources;
using FederatedGateway.OpenApi.Translation;
using FederatedGateway.Soap.Sources;
using FederatedGateway.Soap.Translation;
using FederatedGateway.Soap.Wsdl;
using Microsoft.Extensions.Logging.Abstractions;

namespace FederatedGateway.Benchmarks;

/// <summary>
/// What a subgraph request to a REST or SOAP source costs the gateway, the service's own time left out (an in-memory
/// handler answers at once): one root field with a small answer, and <c>_entities</c> for 100 representations looked
/// up in one batch call (REST: JSON; SOAP 1.2: XML read safely, then written as the selection asks).
/// </summary>
[MemoryDiagnoser]
public class ApiSourceBenchmarks
{
    private const int Count = 100;

    private ApiSubgraphClient _rest = null!;
    private ApiSubgraphClient _soap = null!;
    private byte[] _restRoot = [];
    private byte[] _restEntities = [];
    private byte[] _soapEntities = [];

    [GlobalSetup]
    public void Setup()
    {
        var rates = Enumerable.Range(0, Count).Select(i => $"P{i:000}/USD").ToList();
        var restJson = "[" + string.Join(",", rates.Select(p => $"{{\"pair\":\"{p}\",\"bid\":\"1.0841\",\"ask\":\"1.0843\",\"as_of\":\"2026-12-04T09:30:00Z\",\"venue\":\"EBS\"}}")) + "]";
        var restHttp = new HttpClient(new CannedHandler(request => request.RequestUri!.AbsolutePath.EndsWith("/rates", StringComparison.Ordinal)
            ? (restJson, "application/json")
            : ("{\"pair\":\"EUR/USD\",\"bid\":\"1.0841\",\"ask\":\"1.0843\",\"as_of\":\"2026-12-04T09:30:00Z\",\"venue\":\"EBS\"}", "application/json")));
        var document = OpenApiDocuments.LoadAsync(new MemoryStream(Encoding.UTF8.GetBytes(RestDocument)), "json", "rates.json").GetAwaiter().GetResult();
        var restOptions = new ApiTranslationOptions();
        restOptions.Entities["Rate"] = new EntityOptions("pair", "listRates", null, true, "bench");
        var rest = OpenApiTranslator.Translate(document, "rates.json", restOptions);
        _rest = new ApiSubgraphClient(rest, new OpenApiSource(rest, new Uri("http://rates.test/")).CreateCaller(Context(restHttp)));

        var soapXml = "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\"><s:Body><fx:GetRatesResponse xmlns:fx=\"urn:example:fx\">"
            + string.Concat(rates.Select(p => $"<fx:Rate><fx:Pair>{p}</fx:Pair><fx:Bid>1.0841</fx:Bid><fx:Ask>1.0843</fx:Ask><fx:AsOf>2026-12-04T09:30:00Z</fx:AsOf></fx:Rate>"))
            + "</fx:GetRatesResponse></s:Body></s:Envelope>";
        var soapOptions = new ApiTranslationOptions();
        soapOptions.Entities["Rate"] = new EntityOptions("pair", "getRates", null, true, "bench");
        using var wsdl = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "Data", "fx-rates.wsdl"));
        var soap = WsdlTranslator.Translate(WsdlReader.Read(wsdl, "fx-rates.wsdl"), soapOptions);
        _soap = new ApiSubgraphClient(soap.Api, new SoapSource(soap, new Uri("http://fx.test/")).CreateCaller(Context(new HttpClient(new CannedHandler(_ => (soapXml, "application/soap+xml"))))));

        var representations = string.Join(",", rates.Select(p => $"{{\"__typename\":\"Rate\",\"pair\":\"{p}\"}}"));
        _restRoot = Body("{ getRate(pair: \\\"EUR/USD\\\") { pair bid ask asOf } }", "{}");
        _restEntities = Body("query($r: [_Any!]!) { _entities(representations: $r) { ... on Rate { bid ask asOf } } }", "{\"r\":[" + representations + "]}");
        _soapEntities = _restEntities;
        foreach (var (client, body) in new[] { (_rest, _restRoot), (_rest, _restEntities), (_soap, _soapEntities) })
        {
            using var response = client.SendAsync(new SubgraphRequest("s", "http://s.test/", body), CancellationToken.None).GetAwaiter().GetResult();
            var text = Encoding.UTF8.GetString(response.Body.Span);
            if (text.Contains("\"errors\"", StringComparison.Ordinal) || !text.Contains("1.0843", StringComparison.Ordinal))
            {
                throw new InvalidOperationException("The benchmark's answer is not what it should be: " + text[..Math.Min(400, text.Length)]);
            }
        }
    }

    [Benchmark(Baseline = true)]
    public int RestRootField() => Send(_rest, _restRoot);

    [Benchmark]
    public int RestBatchOf100Entities() => Send(_rest, _restEntities);

    [Benchmark]
    public int SoapBatchOf100Entities() => Send(_soap, _soapEntities);

    private static int Send(ApiSubgraphClient client, byte[] body)
    {
        using var response = client.SendAsync(new SubgraphRequest("s", "http://s.test/", body), CancellationToken.None).GetAwaiter().GetResult();
        return response.Body.Length;
    }

    private static ApiCallContext Context(HttpClient http) => new("s", new Uri("http://s.test/"), http, 16 * 1024 * 1024, NullLogger.Instance);

    private static byte[] Body(string query, string variables) => Encoding.UTF8.GetBytes($"{{\"query\":\"{query}\",\"variables\":{variables}}}");

    private sealed class CannedHandler(Func<HttpRequestMessage, (string Body, string MediaType)> answer) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var (body, mediaType) = answer(request);
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, mediaType) });
        }
    }

    private const string RestDocument = """
        {"openapi":"3.1.0","info":{"title":"Rates","version":"1"},
         "paths":{
           "/rates/{pair}":{"get":{"operationId":"getRate","parameters":[{"name":"pair","in":"path","required":true,"schema":{"type":"string"}}],
             "responses":{"200":{"description":"ok","content":{"application/json":{"schema":{"$ref":"#/components/schemas/Rate"}}}}}}},
           "/rates":{"get":{"operationId":"listRates","parameters":[{"name":"pair","in":"query","required":true,"schema":{"type":"array","items":{"type":"string"}}}],
             "responses":{"200":{"description":"ok","content":{"application/json":{"schema":{"type":"array","items":{"$ref":"#/components/schemas/Rate"}}}}}}}}},
         "components":{"schemas":{"Rate":{"type":"object","required":["pair","bid","ask"],"properties":{
           "pair":{"type":"string"},"bid":{"type":"string","format":"decimal"},"ask":{"type":"string","format":"decimal"},"as_of":{"type":"string","format":"date-time"},"venue":{"type":"string"}}}}}}
        """;
}
