using FederatedGateway.Grpc.Tests.Infrastructure;
using FederatedGateway.Soap.Tests.Services;

namespace FederatedGateway.Soap.Tests;

/// <summary>
/// payments.wsdl (RPC/literal, SOAP 1.2, unqualified parts) served through the real gateway: the operation's element
/// in the body's namespace with each part unqualified, an enum argument as the schema spells it, one output part as
/// the value, several as a result object, a list inside a complex type.
/// </summary>
public sealed class PaymentsGatewayTests : IAsyncLifetime
{
    private SoapTestService _service = null!;
    private GatewayHost _gateway = null!;

    public async Task InitializeAsync()
    {
        _service = await SoapTestService.StartAsync(Answer);
        _gateway = await ReferenceDataGatewayTests.StartGatewayAsync("payments", _service.Url);
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _service.DisposeAsync();
    }

    private const string Payment = "<id>p1</id><debtor>ACME</debtor><creditor>Globex</creditor><amount>250.00</amount><currency>EUR</currency><status>in-flight</status><createdAt>2026-12-04T08:00:00Z</createdAt>";

    private static (int, string) Answer(SoapCall call) => call.Element?.Name.LocalName switch
    {
        "getPayment" => (200, $"<m:getPaymentResponse xmlns:m=\"urn:example:payments\"><payment>{Payment}</payment></m:getPaymentResponse>"),
        "listPayments" => (200, $"<m:listPaymentsResponse xmlns:m=\"urn:example:payments\"><payments><payment>{Payment}</payment><payment>{Payment.Replace("p1", "p2", StringComparison.Ordinal)}</payment><total>2</total></payments></m:listPaymentsResponse>"),
        "submitPayment" => (200, "<m:submitPaymentResponse xmlns:m=\"urn:example:payments\"><id>p9</id><status>received</status></m:submitPaymentResponse>"),
        "cancelPayment" => (200, "<m:cancelPaymentResponse xmlns:m=\"urn:example:payments\"><cancelled>false</cancelled></m:cancelPaymentResponse>"),
        _ => (400, "<s:Fault><s:Code><s:Value>s:Sender</s:Value></s:Code><s:Reason><s:Text>unknown</s:Text></s:Reason></s:Fault>"),
    };

    [Fact]
    public async Task Rpc_operations_are_called_with_their_parts_and_answer_their_parts()
    {
        var answer = await _gateway.QueryAsync("""
            { getPayment(id: "p1") { id amount status createdAt reference }
              listPayments(status: IN_FLIGHT, max: 10) { total payment { id } } }
            """);

        Assert.Equal(
            """{"getPayment":{"id":"p1","amount":"250.00","status":"IN_FLIGHT","createdAt":"2026-12-04T08:00:00Z","reference":null},"listPayments":{"total":2,"payment":[{"id":"p1"},{"id":"p2"}]}}""",
            answer.GetProperty("data").GetRawText());
        var call = _service.Calls.Single(c => c.Element!.Name.LocalName == "listPayments");
        var list = call.Element!;
        Assert.Equal("urn:example:payments", list.Name.NamespaceName);
        Assert.Equal(["status=in-flight", "max=10"], list.Elements().Select(e => $"{e.Name}={e.Value}"));
        Assert.Contains("action=\"urn:example:payments#listPayments\"", call.ContentType, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Several_output_parts_make_a_result_and_one_boolean_part_is_the_value()
    {
        var answer = await _gateway.QueryAsync("""
            mutation { submitPayment(debtor: "ACME", creditor: "Globex", amount: "10.5", currency: "EUR") { id status } cancelPayment(id: "p1") }
            """);

        Assert.Equal("""{"submitPayment":{"id":"p9","status":"RECEIVED"},"cancelPayment":false}""", answer.GetProperty("data").GetRawText());
        var submit = _service.Calls.Single(c => c.Element!.Name.LocalName == "submitPayment").Element!;
        Assert.Equal(["debtor", "creditor", "amount", "currency"], submit.Elements().Select(e => e.Name.LocalName));
        Assert.All(submit.Elements(), e => Assert.Equal("", e.Name.NamespaceName));
    }
}
