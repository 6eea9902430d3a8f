namespace FederatedGateway.AspNetCore.Internal;

/// <summary>A GraphQL-over-HTTP envelope problem, answered before execution with an HTTP status and a message.</summary>
internal readonly record struct EnvelopeError(int StatusCode, string Message);
