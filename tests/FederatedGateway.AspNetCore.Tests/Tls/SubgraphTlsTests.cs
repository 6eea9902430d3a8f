using FederatedGateway.AspNetCore.Tests.Infrastructure;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;

namespace FederatedGateway.AspNetCore.Tests.Tls;

/// <summary>
/// Mutual TLS to a real HTTPS subgraph that requires a client certificate from a private CA and serves a certificate
/// from that CA: the gateway answers only with both settings; without them the fetch fails with an error, never a 500.
/// </summary>
public sealed class SubgraphTlsTests
{
    private static readonly TestCertificates Certificates = TestCertificates.Create();

    private static void RequireClientCertificate(HttpsConnectionAdapterOptions https)
    {
        https.ServerCertificate = Certificates.Server;
        https.ClientCertificateMode = ClientCertificateMode.RequireCertificate;
        https.ClientCertificateValidation = (certificate, _, _) => Certificates.IssuedByCa(certificate);
    }

    private static Task<CountingGateway> StartAsync(bool clientCertificate, bool privateCa) =>
        CountingGateway.StartAsync(gateway =>
        {
            var (ca, certificate, key) = Certificates.WritePem(gateway.Directory);
            var settings = new Dictionary<string, string?>();
            if (clientCertificate)
            {
                settings["Gateway:Tls:Subgraphs:hello:ClientCertificate"] = certificate;
                settings["Gateway:Tls:Subgraphs:hello:ClientKey"] = key;
            }

            if (privateCa)
            {
                settings["Gateway:Tls:Subgraphs:hello:CaCertificate"] = ca;
            }

            return Task.FromResult(settings);
        }, subgraphHttps: RequireClientCertificate);

    [Fact]
    public async Task With_the_client_certificate_and_the_private_CA_the_subgraph_answers()
    {
        await using var gateway = await StartAsync(clientCertificate: true, privateCa: true);

        var (status, body, _) = await gateway.PostAsync("{ hello }");

        Assert.Equal(200, status);
        Assert.Equal("world", body.GetProperty("data").GetProperty("hello").GetString());
        Assert.Equal(1, gateway.SubgraphRequests);
    }

    [Theory]
    [InlineData(false, true)]
    [InlineData(true, false)]
    public async Task Without_either_setting_the_fetch_fails_with_an_error_and_no_500(bool clientCertificate, bool privateCa)
    {
        await using var gateway = await StartAsync(clientCertificate, privateCa);

        var (status, body, _) = await gateway.PostAsync("{ hello }");

        Assert.Equal(200, status);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, body.GetProperty("data").GetProperty("hello").ValueKind);
        Assert.NotEmpty(body.GetProperty("errors").EnumerateArray());
        Assert.Equal(0, gateway.SubgraphRequests);
    }
}
