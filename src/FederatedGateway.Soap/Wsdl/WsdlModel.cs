using System.Xml.Linq;

namespace FederatedGateway.Soap.Wsdl;

/// <summary>A WSDL 1.1 document as the translation needs it: its schemas, messages, and the operations of one SOAP port.</summary>
public sealed record WsdlModel(string Origin, XsdSchemas Schemas, IReadOnlyDictionary<XName, WsdlMessage> Messages, SoapPort Port);

/// <param name="Parts">In order; each names a global element (document style) or a type (RPC style).</param>
public sealed record WsdlMessage(XName Name, IReadOnlyList<WsdlPart> Parts);

public sealed record WsdlPart(string Name, XName? Element, XName? Type, XElement Declaration);

/// <summary>The SOAP port the source calls: its address, SOAP version and the operations of its binding.</summary>
/// <param name="Address">The port's <c>soap:address</c>, when it is absolute.</param>
public sealed record SoapPort(string Name, Uri? Address, SoapVersion Version, IReadOnlyList<SoapOperation> Operations);

public enum SoapVersion
{
    Soap11,
    Soap12,
}

/// <param name="Output">Null for a one-way operation.</param>
/// <param name="Rpc">RPC style (the body's child is the operation); document style otherwise.</param>
/// <param name="BodyNamespace">The <c>soap:body namespace</c> of an RPC operation's input.</param>
/// <param name="Documentation">The port type operation's <c>wsdl:documentation</c>, if any.</param>
public sealed record SoapOperation(string Name, string SoapAction, bool Rpc, string? BodyNamespace, WsdlMessage Input, WsdlMessage? Output, XElement Declaration, string? Documentation);
