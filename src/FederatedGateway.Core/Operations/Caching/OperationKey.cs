namespace FederatedGateway.Core.Operations;

/// <summary>A cached operation is found by its document text and operation name.</summary>
internal readonly record struct OperationKey(string Query, string? OperationName);
