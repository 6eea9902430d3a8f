using FederatedGateway.Core.CompositionConfig;
using FederatedGateway.OpenApi.Sources;

namespace FederatedGateway.Soap.Sources;

/// <summary>
/// A <c>soap:</c> entry of <c>supergraph.yaml</c>: <c>wsdl</c> (a file relative to the config, or an http(s) URL),
/// <c>port</c> (else the first SOAP 1.1 or 1.2 port), and the options every translated source has
/// (<see cref="ApiSourceDefinition"/>); a missing <c>base_url</c> means the port's address.
/// </summary>
public sealed class SoapSourceDefinition : ApiSourceDefinition
{
    /// <summary>A full file path, or an http(s) URL.</summary>
    public string Wsdl { get; private set; } = "";

    public string? Port { get; private set; }

    /// <exception cref="SupergraphConfigException">The entry is incomplete or has an unknown key or a value of the wrong kind.</exception>
    public static SoapSourceDefinition Read(SubgraphConfig subgraph, string configDirectory)
    {
        var definition = new SoapSourceDefinition();
        var options = definition.ReadShared(subgraph, SourceEntry.SoapKind, ["wsdl", "port"]);
        definition.Wsdl = options.GetValueOrDefault("wsdl") is { Length: > 0 } w
            ? FileOrUrl(w, configDirectory)
            : throw new SupergraphConfigException($"{definition.Where}: \"wsdl\" (a file or an http(s) URL of the WSDL) is required.");
        definition.Port = options.GetValueOrDefault("port");
        return definition;
    }
}
