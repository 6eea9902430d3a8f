using FederatedGateway.Execution.Execution;
using System.Buffers;
using System.Text.Json;

namespace FederatedGateway.AspNetCore.Internal;

/// <summary>
/// The parameters of one GraphQL-over-HTTP request. Owns the JSON documents (and pooled body buffer) that
/// <see cref="Variables"/> and <see cref="Extensions"/> point into: dispose only after execution completed.
/// </summary>
internal sealed class ParsedGraphQLRequest : IDisposable
{
    private JsonDocument? _body;
    private JsonDocument? _variablesDocument;
    private JsonDocument? _extensionsDocument;
    private byte[]? _rented;

    public string? Query { get; set; }

    public string? OperationName { get; set; }

    /// <summary>An object, or undefined when absent or null.</summary>
    public JsonElement Variables { get; set; }

    /// <summary>An object, or undefined when absent or null.</summary>
    public JsonElement Extensions { get; set; }

    public void OwnBody(JsonDocument document, byte[] rented)
    {
        _body = document;
        _rented = rented;
    }

    public void OwnVariables(JsonDocument document) => _variablesDocument = document;

    public void OwnExtensions(JsonDocument document) => _extensionsDocument = document;

    public void Dispose()
    {
        _body?.Dispose();
        _body = null;
        _variablesDocument?.Dispose();
        _variablesDocument = null;
        _extensionsDocument?.Dispose();
        _extensionsDocument = null;
        if (_rented is not null)
        {
            PooledArrays.Return(_rented);
            _rented = null;
        }
    }
}
