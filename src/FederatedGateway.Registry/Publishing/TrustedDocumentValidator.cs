using FederatedGateway.Core.Operations;
using FederatedGateway.Core.Schema;
using FederatedGateway.Core.Supergraph;
using FederatedGateway.Registry.Storage;

namespace FederatedGateway.Registry.Publishing;

/// <summary>
/// Which trusted documents would no longer run on a supergraph: each is prepared as the gateway would (limits, parse,
/// validation against the API schema, planning), without variables, and its errors kept.
/// </summary>
internal static class TrustedDocumentValidator
{
    public static IReadOnlyList<DocumentProblem> Validate(string supergraphSdl, IEnumerable<(string Id, string? Name, string Body)> documents, CancellationToken cancellationToken)
    {
        var schema = SupergraphReader.Read(supergraphSdl);
        var preparer = new OperationPreparer(schema, ApiSchemaFactory.Create(schema, ApiSchemaPrinter.Print(schema)));
        var problems = new List<DocumentProblem>();
        foreach (var (id, name, body) in documents)
        {
            var errors = preparer.Validate(body, name, cancellationToken);
            if (errors.Count > 0)
            {
                problems.Add(new DocumentProblem(id, name, string.Join(" ", errors.Select(e => e.Message))));
            }
        }

        return problems;
    }
}

/// <summary>A trusted document that would not run, and why.</summary>
public sealed record DocumentProblem(string Id, string? Name, string Message);
