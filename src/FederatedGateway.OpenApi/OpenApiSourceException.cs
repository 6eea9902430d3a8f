namespace FederatedGateway.OpenApi;

/// <summary>An OpenAPI source cannot be read or translated; the message says which document and why.</summary>
public sealed class OpenApiSourceException : Exception
{
    public OpenApiSourceException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
