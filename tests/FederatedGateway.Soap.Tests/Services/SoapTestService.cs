using System.Xml.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace FederatedGateway.Soap.Tests.Services;

/// <summary>
/// A SOAP service on Kestrel (loopback, free port): every POST's envelope is parsed and its body's element handed to
/// the handler, whose answer (status and the body's XML) is sent back in an envelope of the request's SOAP version.
/// Every call is kept (action, content type, the body element as received) so tests can check what reached it.
/// </summary>
public sealed class SoapTestService : IAsyncDisposable
{
    private readonly List<SoapCall> _calls = [];
    private WebApplication _app = null!;

    public string Url => _app.Urls.First() + "/soap";

    public IReadOnlyList<SoapCall> Calls
    {
        get
        {
            lock (_calls)
            {
                return [.. _calls];
            }
        }
    }

    /// <param name="handler">The answer to a call: an HTTP status and the XML inside the answer's Body (empty for none; a whole document when it starts with <c>&lt;!</c>).</param>
    public static async Task<SoapTestService> StartAsync(Func<SoapCall, (int Status, string Body)> handler)
    {
        var service = new SoapTestService();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = service._app = builder.Build();
        app.MapPost("/soap", async (HttpRequest request) =>
        {
            var envelope = await XDocument.LoadAsync(request.Body, LoadOptions.None, request.HttpContext.RequestAborted);
            var ns = envelope.Root!.Name.Namespace;
            var call = new SoapCall(
                request.Headers["SOAPAction"].ToString(),
                request.ContentType ?? "",
                ns,
                envelope.Root.Element(ns + "Body")!.Elements().FirstOrDefault(),
                request.Headers["x-api-key"].ToString());
            lock (service._calls)
            {
                service._calls.Add(call);
            }

            var (status, body) = handler(call);
            // A body given with its own prologue is sent as it is (hostile answers); others go in an envelope.
            var text = body.Length == 0 || body.StartsWith("<!", StringComparison.Ordinal) ? body : $"<s:Envelope xmlns:s=\"{ns.NamespaceName}\"><s:Body>{body}</s:Body></s:Envelope>";
            return Results.Text(text, ns.NamespaceName.Contains("2003", StringComparison.Ordinal) ? "application/soap+xml; charset=utf-8" : "text/xml; charset=utf-8", statusCode: status);
        });
        await app.StartAsync();
        return service;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

/// <summary>One call as the service received it.</summary>
/// <param name="Element">The Body's element (null for an empty Body).</param>
public sealed record SoapCall(string SoapAction, string ContentType, XNamespace Envelope, XElement? Element, string ApiKey)
{
    /// <summary>The text of the first descendant element with this local name.</summary>
    public string Value(string localName) => Element?.Descendants().FirstOrDefault(e => e.Name.LocalName == localName)?.Value ?? "";
}
