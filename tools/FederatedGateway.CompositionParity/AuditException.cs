namespace FederatedGateway.CompositionParity;

/// <summary>The audit server could not be read; the message says which request and why.</summary>
internal sealed class AuditException(string message) : Exception(message);
