using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace FederatedGateway.AspNetCore.Tests.Tls;

/// <summary>A private CA with a server certificate for 127.0.0.1 and a client certificate, written as PEM files.</summary>
internal sealed class TestCertificates
{
    private TestCertificates(X509Certificate2 ca, X509Certificate2 server, X509Certificate2 client)
    {
        Ca = ca;
        Server = server;
        Client = client;
    }

    public X509Certificate2 Ca { get; }

    public X509Certificate2 Server { get; }

    public X509Certificate2 Client { get; }

    public static TestCertificates Create()
    {
        using var caKey = RSA.Create(2048);
        var caRequest = new CertificateRequest("CN=FederatedGateway Test CA", caKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        var ca = caRequest.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));

        var server = Issue(ca, "CN=127.0.0.1", serverAuth: true);
        var client = Issue(ca, "CN=gateway-client", serverAuth: false);
        return new TestCertificates(ca, server, client);
    }

    private static X509Certificate2 Issue(X509Certificate2 ca, string subject, bool serverAuth)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [new Oid(serverAuth ? "1.3.6.1.5.5.7.3.1" : "1.3.6.1.5.5.7.3.2")], false));
        if (serverAuth)
        {
            var names = new SubjectAlternativeNameBuilder();
            names.AddIpAddress(IPAddress.Loopback);
            names.AddDnsName("localhost");
            request.CertificateExtensions.Add(names.Build());
        }

        var serial = RandomNumberGenerator.GetBytes(12);
        using var issued = request.Create(ca, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(29), serial);
        var withKey = issued.CopyWithPrivateKey(key);

        // Kestrel on Linux needs an exportable key it can load: round-trip through PKCS#12.
        return X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), null);
    }

    /// <summary>Writes the CA certificate, and the client certificate and key, as PEM files; returns their paths.</summary>
    public (string Ca, string ClientCertificate, string ClientKey) WritePem(string directory)
    {
        var ca = Path.Combine(directory, "ca.pem");
        var certificate = Path.Combine(directory, "client.pem");
        var key = Path.Combine(directory, "client.key");
        File.WriteAllText(ca, Ca.ExportCertificatePem());
        File.WriteAllText(certificate, Client.ExportCertificatePem());
        File.WriteAllText(key, Client.GetRSAPrivateKey()!.ExportPkcs8PrivateKeyPem());
        return (ca, certificate, key);
    }

    /// <summary>Whether <paramref name="certificate"/> chains to the test CA (what the subgraph checks of its clients).</summary>
    public bool IssuedByCa(X509Certificate2 certificate)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(Ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(certificate);
    }
}
