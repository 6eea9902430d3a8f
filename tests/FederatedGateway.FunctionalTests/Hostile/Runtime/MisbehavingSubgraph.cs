using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace FederatedGateway.FunctionalTests.Hostile.Runtime;

/// <summary>
/// A subgraph on Kestrel (127.0.0.1:0) that hurts the gateway on purpose: <c>/huge</c> answers
/// <c>{ instruments { symbol name } }</c> with tens of megabytes, <c>/hang</c> never answers (and counts the requests the
/// gateway gave up on), <c>/delayed</c> forwards to a real subgraph after a delay, and <c>/firehose</c> serves
/// graphql-transport-ws subscriptions that push large events as fast as the gateway takes them.
/// </summary>
public sealed class MisbehavingSubgraph : IAsyncDisposable
{
    private static readonly HttpClient Forwarder = new();

    private readonly WebApplication _app;
    private int _hanging;
    private int _abandoned;
    private int _hugeSent;
    private int _hugeCut;

    private MisbehavingSubgraph(WebApplication app, FirehoseSubscriptions firehose)
    {
        _app = app;
        Firehose = firehose;
    }

    /// <summary>Requests to <c>/hang</c> now waiting.</summary>
    public int Hanging => Volatile.Read(ref _hanging);

    /// <summary>Requests to <c>/hang</c> the gateway aborted.</summary>
    public int Abandoned => Volatile.Read(ref _abandoned);

    /// <summary><c>/huge</c> answers sent to the end.</summary>
    public int HugeSent => Volatile.Read(ref _hugeSent);

    /// <summary><c>/huge</c> answers the gateway stopped reading (the connection was dropped mid-answer).</summary>
    public int HugeCut => Volatile.Read(ref _hugeCut);

    public FirehoseSubscriptions Firehose { get; }

    public static async Task<MisbehavingSubgraph> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var firehose = new FirehoseSubscriptions();
        var subgraph = new MisbehavingSubgraph(app, firehose);
        app.UseWebSockets();
        app.MapPost("/huge", subgraph.HugeAsync);
        app.MapPost("/hang", subgraph.HangAsync);
        app.MapPost("/delayed", DelayedAsync);
        app.Map("/firehose", firehose.ServeAsync);
        await app.StartAsync();
        return subgraph;
    }

    public string Url(string behaviour) => _app.Urls.First() + "/" + behaviour;

    /// <summary><c>/delayed</c>: the answer of <paramref name="target"/>, sent after <paramref name="delay"/>.</summary>
    public string DelayedUrl(string target, TimeSpan delay) =>
        Url("delayed") + "?ms=" + ((int)delay.TotalMilliseconds).ToString(CultureInfo.InvariantCulture) + "&to=" + Uri.EscapeDataString(target);

    /// <summary>The WebSocket URL of <c>/firehose</c>, as a subgraph URL (subscriptions go there over graphql-transport-ws).</summary>
    public string FirehoseUrl => Url("firehose");

    private async Task HugeAsync(HttpContext context)
    {
        try
        {
            await HugeAnswer.WriteAsync(context);
            Interlocked.Increment(ref _hugeSent);
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException)
        {
            Interlocked.Increment(ref _hugeCut);
        }
    }

    private async Task HangAsync(HttpContext context)
    {
        Interlocked.Increment(ref _hanging);
        try
        {
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            Interlocked.Increment(ref _abandoned);
        }
        finally
        {
            Interlocked.Decrement(ref _hanging);
        }
    }

    private static async Task DelayedAsync(HttpContext context)
    {
        var delay = int.Parse(context.Request.Query["ms"]!, CultureInfo.InvariantCulture);
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        await Task.Delay(delay, context.RequestAborted);
        using var content = new ByteArrayContent(body.ToArray());
        content.Headers.ContentType = new("application/json");
        using var answer = await Forwarder.PostAsync(context.Request.Query["to"].ToString(), content, context.RequestAborted);
        context.Response.StatusCode = (int)answer.StatusCode;
        context.Response.ContentType = "application/json";
        await context.Response.Body.WriteAsync(await answer.Content.ReadAsByteArrayAsync(context.RequestAborted), context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await _app.StopAsync(timeout.Token);
        }
        finally
        {
            await _app.DisposeAsync();
        }
    }
}
