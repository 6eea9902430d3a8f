using System.Xml.Linq;
using FederatedGateway.OpenApi.Translation;
using FederatedGateway.Soap.Wsdl;

namespace FederatedGateway.Soap.Translation;

/// <summary>
/// One root field's SOAP operation: the body's element (<see cref="RequestElement"/>, null when the arguments are the
/// body's elements themselves), where each argument goes, the SOAP action, and which child of the response element
/// is the field's value (<see cref="ResultChild"/>, null when the response element is).
/// </summary>
public sealed record SoapOperationBinding(
    string Operation,
    XName? RequestElement,
    IReadOnlyList<SoapArgument> Arguments,
    string SoapAction,
    string? ResultChild,
    bool ReturnsBoolean,
    string ReturnType)
    : OperationBinding("POST", Operation, [], null, ReturnsBoolean, ReturnType);

/// <summary>An argument written as the element <see cref="XmlName"/> (in <see cref="Namespace"/>, or unqualified).</summary>
public sealed record SoapArgument(string Name, string XmlName, string? Namespace, string Type);

/// <summary>A WSDL translated: the model the execution runs on, the namespace of each type's elements, and the SOAP version of the port.</summary>
public sealed record SoapTranslation(ApiTranslation Api, IReadOnlyDictionary<string, string?> ChildNamespaces, SoapVersion Version, Uri? Address);
