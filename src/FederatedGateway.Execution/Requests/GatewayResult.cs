namespace FederatedGateway.Execution.Requests;

/// <summary>
/// The finished response: a complete GraphQL response body (<c>{"data":…,"errors":…}</c>) in UTF-8.
/// </summary>
public sealed class GatewayResult
{
    public GatewayResult(GatewayResultKind kind, ReadOnlyMemory<byte> body)
    {
        Kind = kind;
        Body = body;
    }

    public GatewayResultKind Kind { get; }

    public ReadOnlyMemory<byte> Body { get; }
}
