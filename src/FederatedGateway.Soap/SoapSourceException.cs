namespace FederatedGateway.Soap;

/// <summary>A WSDL cannot be read or translated; the message names the document and, when known, the line.</summary>
public sealed class SoapSourceException(string message, Exception? inner = null) : Exception(message, inner);
