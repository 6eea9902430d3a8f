namespace FederatedGateway.Grpc.Client;

/// <summary>Why one RPC gave no answer: the GraphQL error to report.</summary>
/// <param name="DetailsJson">The decoded <c>google.rpc.Status</c> details as a JSON array, if the server sent any.</param>
internal sealed record GrpcCallError(string Message, string Code, int? Status = null, string? Method = null, string? DetailsJson = null);
