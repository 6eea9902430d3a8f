using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using FederatedGateway.Grpc.Client;
using FederatedGateway.Grpc.Composition;
using FederatedGateway.Grpc.Sources;
using FederatedGateway.Grpc.Tests.Infrastructure;
using FederatedGateway.Grpc.Tests.Services;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FederatedGateway.Grpc.Tests;

/// <summary>Retries of reads, no retries of mutations, and grpcs:// over TLS.</summary>
public sealed class TransportTests
{
    [Fact]
    public async Task Reads_are_retried_on_UNAVAILABLE_and_mutations_are_not()
    {
        await using var server = await GrpcTestServer.StartAsync(app => app.MapGrpcService<MarketService>());
        var schema = TestSchemas.Market();
        using var gateway = new TestGateway(
            [GrpcSubgraphSources.Create("market", server.Url, schema), PortfolioSubgraph.Source],
            new GrpcSourceRegistry().Add("market", schema, server.Url), PortfolioSubgraph.Client());

        var read = await gateway.QueryAsync("{ getFlakyQuote(symbol: \"AB\") { bid } }");
        Assert.Equal("{\"getFlakyQuote\":{\"bid\":20.5}}", CodecTests.Data(read).GetRawText());
        Assert.Equal(3, server.Calls.Count("GetFlakyQuote"));

        var write = await gateway.QueryAsync("mutation { placeFlakyOrder(symbol: \"AB\") { bid } }");
        Assert.Equal("UNAVAILABLE", write.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal(1, server.Calls.Count("PlaceFlakyOrder"));
    }

    [Fact]
    public async Task Retries_of_a_read_stop_at_the_fetch_deadline()
    {
        await using var server = await GrpcTestServer.StartAsync(app => app.MapGrpcService<MarketService>());
        var schema = TestSchemas.Market();
        var options = new GrpcSubgraphClientOptions { Timeout = TimeSpan.FromSeconds(3), MaxRetries = 1, RetryBackoff = TimeSpan.FromSeconds(60) };
        using var gateway = new TestGateway(
            [GrpcSubgraphSources.Create("market", server.Url, schema), PortfolioSubgraph.Source],
            new GrpcSourceRegistry().Add("market", schema, server.Url), PortfolioSubgraph.Client(), options: options);

        await gateway.QueryAsync("{ getQuote(symbol: \"AB\") { bid } }"); // connected and warm: the deadline is spent on retries
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var read = await gateway.QueryAsync("{ getFlakyQuote(symbol: \"AB\") { bid } }");
        clock.Stop();

        // The backoff is drawn below 60 s: almost always past the deadline (DEADLINE_EXCEEDED), rarely a second UNAVAILABLE.
        var code = read.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString();
        Assert.Contains(code, new[] { "DEADLINE_EXCEEDED", "UNAVAILABLE" });
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"answered after {clock.Elapsed}");
        Assert.True(server.Calls.Count("GetFlakyQuote") is 1 or 2, read.GetRawText());
    }

    [Fact]
    public async Task A_grpcs_subgraph_is_called_over_TLS()
    {
        using var certificate = SelfSigned();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, o =>
        {
            o.Protocols = HttpProtocols.Http2;
            o.UseHttps(certificate);
        }));
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(new CallLog());
        builder.Services.AddGrpc();
        await using var app = builder.Build();
        app.MapGrpcService<KitchenService>();
        await app.StartAsync();
        var url = "grpcs://" + new Uri(app.Urls.First()).Authority;

        var schema = TestSchemas.Kitchen();
        var options = new GrpcSubgraphClientOptions
        {
            ConfigureHandler = handler => handler.SslOptions.RemoteCertificateValidationCallback = (_, presented, _, _) =>
                presented is not null && presented.GetCertHashString() == certificate.GetCertHashString(),
        };
        using var gateway = new TestGateway([GrpcSubgraphSources.Create("kitchen", url, schema)], new GrpcSourceRegistry().Add("kitchen", schema, url), options: options);
        var answer = await gateway.QueryAsync("{ getItem(id: \"tls\") { id } }");
        Assert.Equal("{\"getItem\":{\"id\":\"tls\"}}", CodecTests.Data(answer).GetRawText());
        await app.StopAsync();
    }

    private static X509Certificate2 SelfSigned()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pkcs12), null);
    }
}
