using System.Collections.Concurrent;
using GraphQLParser.AST;

namespace FederatedGateway.Execution.Authorization;

/// <summary>
/// What authorization keeps per prepared operation: its protected fields, and the authorized document printed for
/// each combination of denied fields met so far (a handful at most: callers fall into few classes).
/// </summary>
internal sealed class OperationAuthorization
{
    private const int MaxDocuments = 64;

    private readonly ConcurrentDictionary<string, string> _documents = new(StringComparer.Ordinal);

    public OperationAuthorization(ProtectedSelections protectedSelections)
    {
        Protected = protectedSelections;
    }

    public ProtectedSelections Protected { get; }

    /// <summary>Whether <paramref name="field"/> is one of the protected fields <paramref name="denied"/> marks.</summary>
    public bool IsDenied(GraphQLField field, bool[] denied)
    {
        var index = Protected.IndexOf(field);
        return index >= 0 && denied[index];
    }

    /// <summary>The operation's document without the fields <paramref name="denied"/> marks.</summary>
    public string AuthorizedDocument(Core.Operations.PreparedOperation operation, bool[] denied)
    {
        var key = string.Create(denied.Length, denied, (span, marks) =>
        {
            for (var i = 0; i < marks.Length; i++)
            {
                span[i] = marks[i] ? '1' : '0';
            }
        });
        if (_documents.TryGetValue(key, out var document))
        {
            return document;
        }

        document = AuthorizedDocumentPrinter.Print(operation.Document, operation.Definition, field => IsDenied(field, denied));
        if (_documents.Count < MaxDocuments)
        {
            _documents.TryAdd(key, document);
        }

        return document;
    }
}
