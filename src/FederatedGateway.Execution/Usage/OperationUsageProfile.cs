using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using FederatedGateway.Core.Operations;
using FederatedGateway.Core.Schema;

namespace FederatedGateway.Execution.Usage;

/// <summary>What usage analytics knows of one operation: its document's hash, its name and the schema coordinates it uses.</summary>
public sealed record OperationUsageProfile(string DocumentHash, string? OperationName, ImmutableArray<string> Coordinates)
{
    public static OperationUsageProfile Of(PreparedOperation operation, FederatedSchema schema) =>
        new(Hash(operation.Document.Source.Span), operation.Name, OperationCoordinates.Collect(operation, schema));

    /// <summary>SHA-256 of the document text as the client sent it, lower-case hex (the form persisted queries use).</summary>
    public static string Hash(ReadOnlySpan<char> document)
    {
        var bytes = new byte[Encoding.UTF8.GetByteCount(document)];
        Encoding.UTF8.GetBytes(document, bytes);
        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }
}
