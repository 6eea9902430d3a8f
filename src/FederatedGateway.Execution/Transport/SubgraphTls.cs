using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace FederatedGateway.Execution.Transport;

/// <summary>
/// TLS towards one subgraph: a client certificate for mutual TLS, and the roots its server certificate must chain to
/// when it is not signed by a publicly trusted CA (a private CA replaces the system roots for that subgraph).
/// </summary>
public sealed class SubgraphTls
{
    public SubgraphTls(X509Certificate2? clientCertificate, X509Certificate2Collection? trustedRoots)
    {
        ClientCertificate = clientCertificate;
        TrustedRoots = trustedRoots is { Count: > 0 } ? trustedRoots : null;
    }

    public X509Certificate2? ClientCertificate { get; }

    public X509Certificate2Collection? TrustedRoots { get; }

    /// <summary>Sets the handler's TLS options: the client certificate, and the custom roots as the only trust anchors.</summary>
    public void Apply(SocketsHttpHandler handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        var ssl = handler.SslOptions;
        if (ClientCertificate is not null)
        {
            ssl.ClientCertificates = [ClientCertificate];
            ssl.LocalCertificateSelectionCallback = (_, _, _, _, _) => ClientCertificate;
        }

        if (TrustedRoots is not null)
        {
            var policy = new X509ChainPolicy { TrustMode = X509ChainTrustMode.CustomRootTrust, RevocationMode = X509RevocationMode.NoCheck };
            policy.CustomTrustStore.AddRange(TrustedRoots);
            ssl.CertificateChainPolicy = policy;
        }
    }
}
