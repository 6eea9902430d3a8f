using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FederatedGateway.Grpc.Tests.Infrastructure;

/// <summary>A Grpc.AspNetCore server on 127.0.0.1 (any free port, h2c), optionally with server reflection.</summary>
public sealed class GrpcTestServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private GrpcTestServer(WebApplication app, CallLog calls)
    {
        _app = app;
        Calls = calls;
    }

    /// <summary>Every RPC the services received (method name → count), for batching checks.</summary>
    public CallLog Calls { get; }

    /// <summary><c>grpc://127.0.0.1:port</c>.</summary>
    public string Url => "grpc://" + new Uri(_app.Urls.First()).Authority;

    public static async Task<GrpcTestServer> StartAsync(Action<WebApplication> map, bool reflection = true)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0, o => o.Protocols = HttpProtocols.Http2));
        builder.Logging.ClearProviders();
        var calls = new CallLog();
        builder.Services.AddSingleton(calls);
        builder.Services.AddGrpc();
        if (reflection)
        {
            builder.Services.AddGrpcReflection();
        }

        var app = builder.Build();
        map(app);
        if (reflection)
        {
            app.MapGrpcReflectionService();
        }

        await app.StartAsync();
        return new GrpcTestServer(app, calls);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>Counts calls per method and records the keys each call carried.</summary>
public sealed class CallLog
{
    private readonly ConcurrentQueue<(string Method, string Detail)> _calls = new();

    public void Record(string method, string detail = "") => _calls.Enqueue((method, detail));

    public int Count(string method) => _calls.Count(c => c.Method == method);

    public IReadOnlyList<string> Details(string method) => _calls.Where(c => c.Method == method).Select(c => c.Detail).ToList();

    public ConcurrentDictionary<string, string> LastHeaders { get; } = new();
}
