using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace FederatedGateway.AspNetCore.Tests.Infrastructure;

/// <summary>
/// One replica of the <c>hello</c> subgraph on a fixed loopback port (OS-assigned at first start): it can be killed
/// (its listener stopped, so connections are refused) and started again on the same port, slowed, or made to answer
/// an HTTP status, and its <c>GET /health</c> turned unhealthy. Counts the GraphQL requests it answers.
/// </summary>
public sealed class ReplicaSubgraph : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private WebApplication? _app;
    private int _requests;
    private int _port;

    public string Url => $"http://127.0.0.1:{_port}/graphql";

    public int Requests => Volatile.Read(ref _requests);

    public bool IsUp => _app is not null;

    /// <summary>How long each answer takes (changeable at any time).</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>Whether <c>GET /health</c> answers 200 (else 503).</summary>
    public bool Healthy { get; set; } = true;

    /// <summary>A status every GraphQL request is answered with (no body), or 0 to answer normally.</summary>
    public int FailWith { get; set; }

    public static async Task<ReplicaSubgraph> StartAsync()
    {
        var replica = new ReplicaSubgraph();
        await replica.UpAsync();
        return replica;
    }

    /// <summary>Starts listening again (on the same port).</summary>
    public async Task UpAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (_app is not null)
            {
                return;
            }

            _app = await CountingGateway.StartAppAsync(
                app =>
                {
                    app.MapPost("/graphql", AnswerAsync);
                    app.MapGet("/health", () => Results.StatusCode(Healthy ? 200 : 503));
                },
                port: _port);
            _port = new Uri(_app.Urls.First()).Port;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Stops listening: new connections are refused.</summary>
    public async Task DownAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (_app is null)
            {
                return;
            }

            var app = _app;
            _app = null;
            using (var stopping = new CancellationTokenSource(TimeSpan.FromMilliseconds(200)))
            {
                await app.StopAsync(stopping.Token);
            }

            await app.DisposeAsync();
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task AnswerAsync(HttpContext context)
    {
        if (Delay > TimeSpan.Zero)
        {
            await Task.Delay(Delay, context.RequestAborted);
        }

        Interlocked.Increment(ref _requests);
        if (FailWith != 0)
        {
            context.Response.StatusCode = FailWith;
            return;
        }

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync("""{"data":{"hello":"world","__typename":"Query"}}""");
    }

    public async ValueTask DisposeAsync() => await DownAsync();
}
