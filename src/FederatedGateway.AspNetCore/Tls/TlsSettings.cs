using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using FederatedGateway.Execution.Transport;

namespace FederatedGateway.AspNetCore.Tls;

/// <summary>TLS towards subgraphs and gRPC sources, configuration <c>Gateway:Tls</c>.</summary>
public sealed class TlsSettings
{
    /// <summary>Per subgraph name: a client certificate for mutual TLS and a private CA to trust.</summary>
    public Dictionary<string, SubgraphTlsSettings> Subgraphs { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Allow, in Production, credentials (Authorization, cookies, API keys, identity claims) to be sent to a subgraph
    /// over plain http on a non-loopback address. Default off: such a supergraph is refused at load.
    /// </summary>
    public bool AllowPlainTextCredentials { get; set; }

    internal IEnumerable<string> Problems()
    {
        foreach (var (name, subgraph) in Subgraphs)
        {
            string? problem;
            try
            {
                subgraph.Load();
                problem = null;
            }
            catch (Exception ex) when (ex is IOException or CryptographicException or UnauthorizedAccessException or ArgumentException)
            {
                problem = $"Gateway:Tls:Subgraphs:{name}: {ex.Message}";
            }

            if (problem is not null)
            {
                yield return problem;
            }
        }
    }

    /// <summary>The loaded settings, or none when they have problems (which options validation reports at start).</summary>
    internal Dictionary<string, SubgraphTls> LoadIfValid() => Problems().Any() ? new Dictionary<string, SubgraphTls>() : Load();

    internal Dictionary<string, SubgraphTls> Load() =>
        Subgraphs.ToDictionary(pair => pair.Key, pair => pair.Value.Load(), StringComparer.Ordinal);
}

/// <summary>One subgraph's TLS: PEM files.</summary>
public sealed class SubgraphTlsSettings
{
    /// <summary>The client certificate (PEM) presented to the subgraph.</summary>
    public string? ClientCertificate { get; set; }

    /// <summary>The client certificate's private key (PEM); may be in <see cref="ClientCertificate"/>'s file.</summary>
    public string? ClientKey { get; set; }

    /// <summary>PEM certificates of the CA(s) the subgraph's certificate must chain to (instead of the system roots).</summary>
    public string? CaCertificate { get; set; }

    internal SubgraphTls Load()
    {
        if (ClientCertificate is null && CaCertificate is null)
        {
            throw new ArgumentException("set ClientCertificate (with ClientKey) and/or CaCertificate.");
        }

        X509Certificate2? client = null;
        if (ClientCertificate is not null)
        {
            client = X509Certificate2.CreateFromPemFile(Path.GetFullPath(ClientCertificate), ClientKey is null ? null : Path.GetFullPath(ClientKey));
            if (!client.HasPrivateKey)
            {
                throw new ArgumentException($"the client certificate '{ClientCertificate}' has no private key (set ClientKey).");
            }
        }

        X509Certificate2Collection? roots = null;
        if (CaCertificate is not null)
        {
            roots = [];
            roots.ImportFromPemFile(Path.GetFullPath(CaCertificate));
            if (roots.Count == 0)
            {
                throw new ArgumentException($"'{CaCertificate}' holds no PEM certificate.");
            }
        }

        return new SubgraphTls(client, roots);
    }
}
