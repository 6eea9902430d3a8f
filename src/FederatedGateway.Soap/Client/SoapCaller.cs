using System.Buffers;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using FederatedGateway.Execution.Execution;
using FederatedGateway.OpenApi.Client;
using FederatedGateway.OpenApi.Translation;
using FederatedGateway.Soap.Translation;
using FederatedGateway.Soap.Wsdl;

namespace FederatedGateway.Soap.Client;

/// <summary>
/// Calls one SOAP operation: POSTs its envelope (SOAP 1.1 with <c>SOAPAction</c>, or 1.2 with the action in the
/// content type), reads the answer within a size limit with the safe XML reader, and gives the value as JSON for the
/// shared answer writer, or the field's error: a SOAP fault as <c>SOAP_FAULT</c> with <c>faultCode</c>,
/// <c>faultString</c> and <c>httpStatus</c>; another non-2xx answer as <c>SOAP_HTTP_ERROR</c>; a call that fails
/// as <see cref="ApiHttpSender"/> says (sent again when a read, under the gateway's traffic rules).
/// </summary>
internal sealed class SoapCaller(SoapTranslation translation, ApiCallContext context, IReadOnlyDictionary<string, string> headers) : IApiCaller
{
    public const string FaultCode = "SOAP_FAULT";
    public const string HttpErrorCode = "SOAP_HTTP_ERROR";

    public async Task<ApiAnswer> CallAsync(OperationBinding binding, JsonDocument arguments, IReadOnlyList<KeyValuePair<string, string>>? forwarded, CancellationToken cancellationToken)
    {
        var operation = (SoapOperationBinding)binding;
        using (arguments)
        {
            var envelope = SoapEnvelopeWriter.Write(translation, operation, arguments.RootElement);
            var result = await ApiHttpSender.CallAsync(context, () => Request(operation, envelope, forwarded), operation.IsRead, operation.Operation, cancellationToken).ConfigureAwait(false);
            if (result.Failure is { } failure)
            {
                return failure;
            }

            try
            {
                return Answer(operation, result.Status, result.Buffer!, result.Length);
            }
            finally
            {
                PooledArrays.Return(result.Buffer!);
            }
        }
    }

    /// <summary>One attempt's request: the envelope, SOAP 1.1's <c>SOAPAction</c> or 1.2's action parameter, the forwarded headers, then the source's own.</summary>
    private HttpRequestMessage Request(SoapOperationBinding operation, byte[] envelope, IReadOnlyList<KeyValuePair<string, string>>? forwarded)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, context.BaseUrl) { Content = new ByteArrayContent(envelope) };
        if (translation.Version == SoapVersion.Soap11)
        {
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("text/xml") { CharSet = "utf-8" };
            request.Headers.TryAddWithoutValidation("SOAPAction", "\"" + operation.SoapAction + "\"");
        }
        else
        {
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/soap+xml") { CharSet = "utf-8" };
            if (operation.SoapAction.Length > 0)
            {
                request.Content.Headers.ContentType.Parameters.Add(new NameValueHeaderValue("action", "\"" + operation.SoapAction + "\""));
            }
        }

        ApiHttpSender.AddHeaders(request, forwarded, headers);
        return request;
    }

    private ApiAnswer Answer(SoapOperationBinding operation, int status, byte[] buffer, int length)
    {
        if (length == 0 && operation.ReturnsBoolean && status is >= 200 and < 300)
        {
            // A one-way operation: the service accepts it with an empty answer (202, or 200).
            return new ApiAnswer(null, null, null);
        }

        var json = new PooledBufferWriter(Math.Max(256, length));
        SoapAnswer read;
        try
        {
            using var writer = new Utf8JsonWriter(json);
            read = SoapAnswerStream.Read(new MemoryStream(buffer, 0, length, writable: false), operation, translation.Api, writer);
        }
        catch (XmlException)
        {
            read = SoapAnswer.NotSoap;
        }

        if (read.Kind == SoapAnswerKind.Value && status is >= 200 and < 300 && !operation.ReturnsBoolean)
        {
            // The JSON reads the pooled buffer, which the answer returns when it is disposed.
            return new ApiAnswer(JsonDocument.Parse(json.WrittenMemory), json, null);
        }

        json.Dispose();
        return read.Kind switch
        {
            SoapAnswerKind.Fault => Fault(operation, status, read.Fault!),
            SoapAnswerKind.NotSoap => NotSoap(operation, status),
            _ when status is < 200 or >= 300 => NotSoap(operation, status),
            _ when operation.ReturnsBoolean => new ApiAnswer(null, null, null),
            _ => ApiAnswer.Failed($"{operation.Operation} answered an empty SOAP body.", "SUBREQUEST_MALFORMED_RESPONSE"),
        };
    }

    /// <summary>A SOAP 1.1 (<c>faultcode</c>, <c>faultstring</c>) or 1.2 (<c>Code/Value</c>, <c>Reason/Text</c>) fault as the field's error.</summary>
    private static ApiAnswer Fault(SoapOperationBinding operation, int status, XElement fault)
    {
        var ns = fault.Name.Namespace;
        var code = (ns == WsdlNames.Soap11Envelope ? fault.Element("faultcode")?.Value : fault.Element(ns + "Code")?.Element(ns + "Value")?.Value)?.Trim() ?? "";
        var text = (ns == WsdlNames.Soap11Envelope ? fault.Element("faultstring")?.Value : fault.Element(ns + "Reason")?.Elements(ns + "Text").FirstOrDefault()?.Value)?.Trim() ?? "";
        return new ApiAnswer(null, null, new ApiError($"{operation.Operation} answered a SOAP fault ({code}): {text}", json =>
        {
            json.WriteString("code", FaultCode);
            json.WriteString("faultCode", code);
            json.WriteString("faultString", text);
            json.WriteNumber("httpStatus", status);
        }));
    }

    private static ApiAnswer NotSoap(SoapOperationBinding operation, int status) =>
        new(null, null, new ApiError($"{operation.Operation} answered HTTP {status} without a SOAP envelope.", json =>
        {
            json.WriteString("code", status is >= 200 and < 300 ? "SUBREQUEST_MALFORMED_RESPONSE" : HttpErrorCode);
            json.WriteNumber("httpStatus", status);
        }));
}
