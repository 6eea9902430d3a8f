namespace FederatedGateway.Grpc.Transcoding;

/// <summary>A JSON/HTTP request that cannot become the RPC's request: answered with <see cref="HttpStatus"/> (400) and the message.</summary>
public sealed class TranscodingException(string message, int httpStatus = 400) : Exception(message)
{
    public int HttpStatus { get; } = httpStatus;
}
