using System.Globalization;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace FederatedGateway.Demo.Apis.Fx;

/// <summary>
/// The SOAP FX service of <c>schemas/soap/fx-rates.wsdl</c> at <see cref="Path"/>: a SOAP 1.2 envelope POSTed as
/// <c>application/soap+xml</c> (its <c>action</c>, when given, must be the operation's), answered with the operation's
/// response, or with a fault (<c>env:Sender</c>, HTTP 400) for an unknown pair or a request it cannot read.
/// </summary>
public static class FxEndpoint
{
    /// <summary>The service's address, as in the WSDL's <c>soap12:address</c>.</summary>
    public const string Path = "/fx";

    private const string SoapMediaType = "application/soap+xml";

    /// <summary>Maps the service; <paramref name="record"/> is told each operation and the texts it was sent.</summary>
    public static void Map(IEndpointRouteBuilder routes, Action<string>? record = null)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.MapPost(Path, async (HttpContext context) =>
        {
            byte[] answer;
            try
            {
                var request = await ReadAsync(context.Request).ConfigureAwait(false);
                record?.Invoke($"{request.Operation} {string.Join(',', request.Parts.Select(p => p.Value))}");
                answer = FxEnvelopeWriter.Response(request.Operation, writer => Answer(request, writer));
                context.Response.StatusCode = StatusCodes.Status200OK;
            }
            catch (FxFaultException fault)
            {
                answer = FxEnvelopeWriter.Fault(fault);
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
            }

            context.Response.ContentType = SoapMediaType + "; charset=utf-8";
            await context.Response.Body.WriteAsync(answer, context.RequestAborted).ConfigureAwait(false);
        });
    }

    private static async Task<FxRequest> ReadAsync(HttpRequest http)
    {
        if (!MediaTypeHeaderValue.TryParse(http.ContentType, out var contentType) || contentType.MediaType != SoapMediaType)
        {
            throw FxFaultException.Sender($"A SOAP 1.2 request is sent as {SoapMediaType}.");
        }

        // Buffered within the limit (the XML reader bounds characters, this bounds bytes), then read synchronously.
        var body = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await http.Body.ReadAsync(chunk, http.HttpContext.RequestAborted).ConfigureAwait(false)) > 0)
        {
            if (body.Length + read > FxEnvelopeReader.MaxCharacters * 4)
            {
                throw FxFaultException.Sender("The request is too large.");
            }

            body.Write(chunk, 0, read);
        }

        body.Position = 0;
        var request = FxEnvelopeReader.Read(body);
        var action = contentType.Parameters.FirstOrDefault(p => p.Name.Equals("action", StringComparison.OrdinalIgnoreCase))?.Value?.Trim('"');
        if (action is not null && action != FxNames.Action(request.Operation))
        {
            throw FxFaultException.Sender($"The action {action} is not the one of {request.Operation}.");
        }

        return request;
    }

    private static void Answer(FxRequest request, System.Xml.XmlWriter writer)
    {
        switch (request.Operation)
        {
            case "GetRate":
                FxEnvelopeWriter.Rate(writer, Quote(request.One("Pair")));
                break;
            case "GetRates":
                foreach (var quote in request.All("Pair").Select(FxRateBoard.Find).OfType<FxQuote>())
                {
                    FxEnvelopeWriter.Rate(writer, quote);
                }

                break;
            case "ConvertAmount":
                var (from, to) = (request.One("From"), request.One("To"));
                var mid = Quote(from + "/" + to).Mid;
                if (!decimal.TryParse(request.One("Amount"), NumberStyles.Number, CultureInfo.InvariantCulture, out var amount))
                {
                    throw FxFaultException.Sender("Amount is not a decimal.");
                }

                writer.WriteStartElement("fx", "Conversion", FxNames.Service);
                FxEnvelopeWriter.Simple(writer, "From", from);
                FxEnvelopeWriter.Simple(writer, "To", to);
                FxEnvelopeWriter.Simple(writer, "Amount", amount);
                FxEnvelopeWriter.Simple(writer, "Mid", mid);
                FxEnvelopeWriter.Simple(writer, "Converted", Math.Round(amount * mid, 2, MidpointRounding.AwayFromZero));
                writer.WriteEndElement();
                break;
            default:
                throw FxFaultException.Sender($"This service has no operation {request.Operation}.");
        }
    }

    private static FxQuote Quote(string pair) => FxRateBoard.Find(pair) ?? throw FxFaultException.Sender($"No rate for the currency pair {pair}.");
}
