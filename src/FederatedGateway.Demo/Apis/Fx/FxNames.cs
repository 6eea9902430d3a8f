namespace FederatedGateway.Demo.Apis.Fx;

/// <summary>The XML namespaces of the FX service (as in <c>schemas/soap/fx-rates.wsdl</c>).</summary>
internal static class FxNames
{
    public const string Soap12Envelope = "http://www.w3.org/2003/05/soap-envelope";

    public const string Service = "urn:northwind:fx-rates:v1";

    /// <summary>The SOAP action of an operation, as the WSDL's binding declares it.</summary>
    public static string Action(string operation) => Service + "#" + operation;
}
